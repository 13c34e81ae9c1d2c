# ENC-ATHENA-003: Athena workgroups encrypt query results with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_athena_workgroup_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import data.iacgate.lib.aws_svc
import rego.v1

configs := lib.attr_blocks("configuration")

result_configs contains {"path": ["configuration", i, "result_configuration", j], "block": rc} if {
	some i, config in configs
	some j, rc in lib.blocks(aws_svc.svc_field(config, "result_configuration"))
}

encryptions contains {"path": path, "block": block} if {
	some rc in result_configs
	some k, block in lib.blocks(aws_svc.svc_field(rc.block, "encryption_configuration"))
	path := array.concat(rc.path, ["encryption_configuration", k])
}

# Where the missing setting would go: the deepest block that exists.
missing_path := lib.missing_block_path("configuration") if {
	count(configs) == 0
} else := ["configuration", 0, "result_configuration"] if {
	count(result_configs) == 0
} else := ["configuration", 0, "result_configuration", 0, "encryption_configuration"]

deny contains lib.violation(missing_path, msg) if {
	count(encryptions) == 0
	msg := "Athena workgroup does not encrypt query results with a customer-managed KMS key: configuration.result_configuration.encryption_configuration is not set, required encryption_option SSE_KMS or CSE_KMS with the ARN of a customer-managed key"
}

# SSE_S3 encrypts under a key S3 owns; only the KMS options take a key.
deny contains lib.violation(array.concat(encryption.path, ["encryption_option"]), msg) if {
	some encryption in encryptions
	option := aws_svc.svc_field(encryption.block, "encryption_option")
	not option in {"SSE_KMS", "CSE_KMS"}
	msg := concat("", [
		"Athena workgroup does not encrypt query results with a customer-managed KMS key: encryption_option is ",
		lib.show(option), ", required SSE_KMS or CSE_KMS",
	])
}

# Terraform and Pulumi kms_key_arn; CloudFormation EncryptionConfiguration.KmsKey.
key_name := "kms_key" if {
	input.resource.format == "cloudformation"
} else := "kms_key_arn"

deny contains violation if {
	some encryption in encryptions
	aws_svc.svc_field(encryption.block, "encryption_option") in {"SSE_KMS", "CSE_KMS"}
	name := key_name
	some violation in aws_rest.rest_cmk_findings(
		"configuration", array.concat(encryption.path, [name]),
		aws_svc.svc_field(encryption.block, name), name, "Athena workgroup",
	)
}
