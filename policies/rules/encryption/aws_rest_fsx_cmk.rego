# ENC-FSX-001: FSx file systems (Lustre, ONTAP, OpenZFS, Windows) encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_fsx_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "FSx file system")
}
