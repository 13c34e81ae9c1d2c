# ENC-EBS-005: EBS snapshot copies are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_ebs_snapshot_copy_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "EBS snapshot copy")
}
