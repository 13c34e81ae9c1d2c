# ENC-ECS-002: ECS clusters that configure ECS Exec encrypt its sessions with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_ecs_exec_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

configuration := aws_data.data_first_block(lib.attr("configuration"), ["configuration"])

# Defined (null) for a cluster without configuration: `not lib.is_set(exec_value)` on an undefined value is
# true in rego-cpp but undefined in OPA, which judged such clusters passed where the embedded engine found
# them not applicable (the differential test over ../shared/corpus).
default exec_value := null

exec_value := object.get(configuration.block, "execute_command_configuration", null)

# A cluster without execute_command_configuration leaves ECS Exec at its defaults: not judged. One whose
# configuration is unknown until apply is judged (the finding points at the unknown and is undetermined).
deny contains {"not_applicable": true} if {
	not lib.is_unknown(lib.attr("configuration"))
	not lib.is_set(exec_value)
}

deny contains violation if {
	lib.is_unknown(lib.attr("configuration"))
	violation := lib.violation(["configuration"], "ECS cluster may not encrypt ECS Exec sessions with a customer-managed KMS key: configuration is unknown until apply")
}

deny contains lib.undetermined(array.concat(configuration.path, ["execute_command_configuration"]), msg) if {
	lib.is_unknown(exec_value)
	msg := "ECS cluster may not encrypt ECS Exec sessions with a customer-managed KMS key: execute_command_configuration is unknown until apply"
}

deny contains violation if {
	lib.is_set(exec_value)
	not lib.is_unknown(exec_value)
	setting := aws_data.data_subsetting("configuration", "execute_command_configuration", "kms_key_id")
	some violation in aws_rest.rest_cmk_findings(
		"configuration", setting.path, setting.value,
		"configuration.execute_command_configuration.kms_key_id", "ECS cluster",
	)
}
