# ENC-CLOUDTRAIL-011: CloudTrail Lake event data stores encrypt events with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_cloudtrail_event_data_store_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "CloudTrail event data store")
}
