# ENC-EFS-002: EFS file systems are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_efs_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "EFS file system")
}
