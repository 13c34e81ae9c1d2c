# ENC-ECS-003: ECS clusters that send ECS Exec session logs to CloudWatch Logs or S3 encrypt them there.
package iacgate.rules.encryption.aws_rest_ecs_exec_logs_encrypted

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

configuration := aws_data.data_first_block(lib.attr("configuration"), ["configuration"])

exec := aws_data.data_first_block(
	object.get(configuration.block, "execute_command_configuration", null),
	array.concat(configuration.path, ["execute_command_configuration"]),
)

logging := object.get(exec.block, "logging", "DEFAULT")

log_configuration := aws_data.data_first_block(
	object.get(exec.block, "log_configuration", null),
	array.concat(exec.path, ["log_configuration"]),
)

# Each destination with the flag that encrypts it: Terraform and Pulumi s3_bucket_encryption_enabled,
# CloudFormation S3EncryptionEnabled. Neither flag is on unless set.
destinations := [
	{"target": "cloud_watch_log_group_name", "flags": ["cloud_watch_encryption_enabled"]},
	{"target": "s3_bucket_name", "flags": ["s3_bucket_encryption_enabled", "s3_encryption_enabled"]},
]

flag_name(flags) := name if {
	some name in flags
	name in object.keys(log_configuration.block)
} else := flags[0] if {
	input.resource.format != "cloudformation"
} else := flags[count(flags) - 1]

# Only OVERRIDE writes session logs to a destination named here (DEFAULT uses the task's awslogs settings).
judged if {
	logging == "OVERRIDE"
	some destination in destinations
	lib.is_set(object.get(log_configuration.block, destination.target, null))
}

unknown_paths contains ["configuration"] if lib.is_unknown(lib.attr("configuration"))

unknown_paths contains array.concat(configuration.path, ["execute_command_configuration"]) if {
	lib.is_unknown(object.get(configuration.block, "execute_command_configuration", null))
}

unknown_paths contains array.concat(exec.path, ["logging"]) if lib.is_unknown(logging)

unknown_paths contains array.concat(exec.path, ["log_configuration"]) if {
	logging == "OVERRIDE"
	lib.is_unknown(object.get(exec.block, "log_configuration", null))
}

deny contains {"not_applicable": true} if {
	not judged
	count(unknown_paths) == 0
}

deny contains lib.undetermined(path, "ECS cluster may write ECS Exec session logs unencrypted: its execute_command_configuration is unknown until apply") if {
	some path in unknown_paths
}

deny contains lib.violation(array.concat(log_configuration.path, [name]), msg) if {
	judged
	some destination in destinations
	lib.is_set(object.get(log_configuration.block, destination.target, null))
	name := flag_name(destination.flags)
	value := object.get(log_configuration.block, name, null)
	not lib.is_true(value)
	msg := concat("", [
		"ECS cluster writes ECS Exec session logs unencrypted: ", destination.target, " is ",
		lib.show(object.get(log_configuration.block, destination.target, null)), " and ", name, " is ",
		lib.show(value), ", required true",
	])
}
