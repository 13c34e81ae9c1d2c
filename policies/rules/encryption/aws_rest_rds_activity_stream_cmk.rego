# ENC-RDS-010: RDS database activity streams encrypt their records with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_activity_stream_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "RDS database activity stream")
}
