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
	not managed
	not managed_unknown
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

# Managed query results (Athena-owned storage; a workgroup cannot also set result_configuration) are
# encrypted with managed_query_results_configuration.encryption_configuration.kms_key, or with Athena's
# own key when it names none.
managed_blocks contains {"path": ["configuration", i, "managed_query_results_configuration", j], "block": block} if {
	some i, config in configs
	some j, block in lib.blocks(aws_svc.svc_field(config, "managed_query_results_configuration"))
}

managed if {
	some managed_block in managed_blocks
	lib.is_true(aws_svc.svc_field(managed_block.block, "enabled"))
}

managed_unknown if {
	not managed
	some managed_block in managed_blocks
	lib.is_unknown(aws_svc.svc_field(managed_block.block, "enabled"))
}

deny contains finding if {
	some managed_block in managed_blocks
	lib.is_true(aws_svc.svc_field(managed_block.block, "enabled"))
	setting := athena_managed_key(managed_block)
	some finding in aws_svc.svc_key_findings(
		"configuration", setting.path, setting.value,
		"managed_query_results_configuration.encryption_configuration.kms_key", "Athena workgroup",
		"Athena's own key",
	)
}

# The managed results' key and where a finding about it points: kms_key of the encryption_configuration
# block, that block itself when it is unknown as a whole (a dynamic block), or where it is missing.
athena_managed_key(managed_block) := {"path": array.concat(managed_block.path, ["encryption_configuration", 0, "kms_key"]), "value": aws_svc.svc_field(encryption, "kms_key")} if {
	some encryption in lib.blocks(aws_svc.svc_field(managed_block.block, "encryption_configuration"))
} else := {"path": array.concat(managed_block.path, ["encryption_configuration"]), "value": aws_svc.svc_field(managed_block.block, "encryption_configuration")}

# Managed query results switched on by a value unknown until apply, and no result encryption: undetermined.
deny contains lib.undetermined(["configuration", 0, "managed_query_results_configuration"], msg) if {
	count(encryptions) == 0
	managed_unknown
	msg := "Athena workgroup may not encrypt query results with a customer-managed KMS key: configuration.managed_query_results_configuration.enabled is unknown until apply and configuration.result_configuration.encryption_configuration is not set"
}
