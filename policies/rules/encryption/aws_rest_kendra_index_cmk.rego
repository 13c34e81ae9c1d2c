# ENC-KENDRA-001: Kendra indexes encrypt their documents with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_kendra_index_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_nested("server_side_encryption_configuration", "kms_key_id", "Kendra index")
}
