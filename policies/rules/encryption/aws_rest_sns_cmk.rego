# ENC-SNS-002: SNS topics encrypt messages with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_sns_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_master_key_id", "SNS topic")
}
