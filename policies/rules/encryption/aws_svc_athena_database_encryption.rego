# ENC-ATHENA-002: Athena databases encrypt the query results of their DDL.
package iacgate.rules.encryption.aws_svc_athena_database_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

deny contains lib.violation(lib.missing_block_path("encryption_configuration"), msg) if {
	count(lib.attr_blocks("encryption_configuration")) == 0
	msg := "Athena database does not encrypt query results: encryption_configuration is not set, required encryption_option SSE_S3, SSE_KMS or CSE_KMS"
}

deny contains lib.violation(["encryption_configuration", i, "encryption_option"], msg) if {
	some i, block in lib.attr_blocks("encryption_configuration")
	option := aws_svc.svc_field(block, "encryption_option")
	not lib.is_set(option)
	msg := concat("", [
		"Athena database does not encrypt query results: encryption_configuration.encryption_option is ",
		lib.show(option), ", required SSE_S3, SSE_KMS or CSE_KMS",
	])
}
