# LOG-ECS-001: ECS clusters log ECS Exec sessions (the commands run inside containers).
package iacgate.rules.audit_logging.aws_audit_ecs_exec_logging

import data.iacgate.lib
import rego.v1

# configuration.execute_command_configuration (CloudFormation Configuration.ExecuteCommandConfiguration):
# logging DEFAULT (the default: the task definition's awslogs configuration), OVERRIDE (log_configuration
# names a CloudWatch Logs group or an S3 bucket) or NONE.
aws_audit_ecs_index(value) := [] if {
	is_object(value)
} else := [0]

configuration := lib.attr_blocks("configuration")[0] if {
	count(lib.attr_blocks("configuration")) > 0
} else := {}

exec_value := object.get(configuration, "execute_command_configuration", null)

exec := lib.blocks(exec_value)[0] if {
	count(lib.blocks(exec_value)) > 0
} else := {}

exec_path := array.concat(
	array.concat(["configuration"], aws_audit_ecs_index(lib.attr("configuration"))),
	array.concat(["execute_command_configuration"], aws_audit_ecs_index(exec_value)),
)

logging := object.get(exec, "logging", "DEFAULT")

log_configuration_value := object.get(exec, "log_configuration", null)

log_configuration := lib.blocks(log_configuration_value)[0] if {
	count(lib.blocks(log_configuration_value)) > 0
} else := {}

aws_audit_ecs_destination if {
	some key in ["cloud_watch_log_group_name", "s3_bucket_name"]
	lib.is_set(object.get(log_configuration, key, null))
}

logging_text := upper(logging) if {
	is_string(logging)
} else := ""

deny contains lib.violation(array.concat(exec_path, ["logging"]), msg) if {
	logging_text == "NONE"
	msg := "ECS Exec sessions are not logged: configuration.execute_command_configuration.logging is NONE, required DEFAULT or OVERRIDE with a log destination"
}

# Unknown until apply (logging = var.exec_logging): reported at its path, the engine calls it undetermined.
deny contains lib.violation(array.concat(exec_path, ["logging"]), msg) if {
	lib.is_unknown(logging)
	msg := "ECS Exec sessions may not be logged: configuration.execute_command_configuration.logging is unknown until apply, required DEFAULT or OVERRIDE with a log destination"
}

deny contains lib.violation(array.concat(exec_path, ["log_configuration"]), msg) if {
	logging_text == "OVERRIDE"
	not aws_audit_ecs_destination
	msg := concat("", [
		"ECS Exec sessions are logged nowhere: logging is OVERRIDE and log_configuration names ",
		"no cloud_watch_log_group_name or s3_bucket_name, required one of them",
	])
}

# configuration, or its execute_command_configuration, unknown until apply (a dynamic block): logging may
# be NONE.
deny contains lib.violation(["configuration"], msg) if {
	lib.is_unknown(lib.attr("configuration"))
	msg := "ECS Exec sessions may not be logged: configuration is unknown until apply, required execute_command_configuration.logging DEFAULT or OVERRIDE"
}

deny contains lib.violation(exec_path, msg) if {
	lib.is_unknown(exec_value)
	msg := "ECS Exec sessions may not be logged: configuration.execute_command_configuration is unknown until apply, required logging DEFAULT or OVERRIDE"
}
