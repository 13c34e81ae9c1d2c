# ENC-MEMORYDB-011: MemoryDB clusters and snapshots encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_memorydb_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", "MemoryDB data")
}
