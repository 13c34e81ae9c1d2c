# ENC-REDSHIFT-011: Redshift snapshot copy grants name a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_redshift_copy_grant_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "Redshift snapshot copy grant")
}
