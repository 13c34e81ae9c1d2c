# ENC-ATHENA-004: Athena databases encrypt the results of their DDL queries with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_athena_database_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import data.iacgate.lib.aws_svc
import rego.v1

blocks := lib.attr_blocks("encryption_configuration")

deny contains lib.violation(lib.missing_block_path("encryption_configuration"), msg) if {
	count(blocks) == 0
	msg := "Athena database does not encrypt query results with a customer-managed KMS key: encryption_configuration is not set, required encryption_option SSE_KMS or CSE_KMS with the ARN of a customer-managed key"
}

deny contains lib.violation(["encryption_configuration", i, "encryption_option"], msg) if {
	some i, block in blocks
	option := aws_svc.svc_field(block, "encryption_option")
	not option in {"SSE_KMS", "CSE_KMS"}
	msg := concat("", [
		"Athena database does not encrypt query results with a customer-managed KMS key: encryption_option is ",
		lib.show(option), ", required SSE_KMS or CSE_KMS",
	])
}

deny contains violation if {
	some i, block in blocks
	aws_svc.svc_field(block, "encryption_option") in {"SSE_KMS", "CSE_KMS"}
	some violation in aws_rest.rest_cmk_findings(
		"encryption_configuration", ["encryption_configuration", i, "kms_key"],
		aws_svc.svc_field(block, "kms_key"), "kms_key", "Athena database",
	)
}
