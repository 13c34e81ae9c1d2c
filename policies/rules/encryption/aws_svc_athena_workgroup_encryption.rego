# ENC-ATHENA-001: Athena workgroups encrypt query results and enforce the workgroup settings.
package iacgate.rules.encryption.aws_svc_athena_workgroup_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

configs := lib.attr_blocks("configuration")

result_configs := [rc | some config in configs; some rc in lib.blocks(aws_svc.svc_field(config, "result_configuration"))]

encrypted if {
	some rc in result_configs
	some encryption in lib.blocks(aws_svc.svc_field(rc, "encryption_configuration"))
	lib.is_set(aws_svc.svc_field(encryption, "encryption_option"))
}

# Where the missing setting would go: the deepest block that exists.
# Managed query results (Athena-owned storage) are always encrypted, with Athena's key or the one its
# encryption_configuration names; a workgroup storing results there has no result_configuration location.
managed_enabled := [aws_svc.svc_field(managed, "enabled") |
	some config in configs
	some managed in lib.blocks(aws_svc.svc_field(config, "managed_query_results_configuration"))
]

encrypted if {
	some enabled in managed_enabled
	lib.is_true(enabled)
}

managed_unknown if {
	some enabled in managed_enabled
	lib.is_unknown(enabled)
}

missing_path := lib.missing_block_path("configuration") if {
	count(configs) == 0
} else := ["configuration", 0, "result_configuration"] if {
	count(result_configs) == 0
} else := ["configuration", 0, "result_configuration", 0, "encryption_configuration"]

deny contains lib.violation(missing_path, msg) if {
	not encrypted
	not managed_unknown
	msg := "Athena workgroup does not encrypt query results: configuration.result_configuration.encryption_configuration.encryption_option is not set, required SSE_S3, SSE_KMS or CSE_KMS"
}

# The workgroup's settings override the client's unless enforcement is switched off explicitly.
# Managed query results switched on by a value unknown until apply: undetermined, never a pass.
deny contains lib.undetermined(["configuration", 0, "managed_query_results_configuration"], msg) if {
	not encrypted
	managed_unknown
	msg := "Athena workgroup may not encrypt query results: configuration.managed_query_results_configuration.enabled is unknown until apply and configuration.result_configuration.encryption_configuration.encryption_option is not set, required one of them"
}

deny contains lib.violation(["configuration", i, name], msg) if {
	some i, config in configs
	some name in ["enforce_workgroup_configuration", "enforce_work_group_configuration"]
	value := aws_svc.svc_field(config, name)
	lib.is_false(value)
	msg := concat("", [
		"Athena workgroup lets clients override result encryption: ", name, " is ", lib.show(value),
		", required true or not set",
	])
}

# Enforcement unknown until apply may be switched off: undetermined, never a pass.
deny contains lib.violation(path, msg) if {
	some i, config in configs
	some name in ["enforce_workgroup_configuration", "enforce_work_group_configuration"]
	lib.is_unknown(aws_svc.svc_field(config, name))
	path := enforce_path(i, name)
	msg := concat("", ["Athena workgroup enforcement is unknown: ", name, " is unknown until apply, required true or not set"])
}

# Terraform writes configuration as a list of blocks, CloudFormation and Pulumi as one object.
enforce_path(i, name) := ["configuration", name] if {
	is_object(lib.attr("configuration"))
} else := ["configuration", i, name]
