# LOG-LAMBDA-001: Lambda functions keep sending their invocation records (the system logs "start" and
# "report") to CloudWatch Logs.
package iacgate.rules.audit_logging.aws_audit_lambda_system_logs

import data.iacgate.lib
import rego.v1

# logging_config (CloudFormation LoggingConfig, Pulumi loggingConfig): log_format Text (the default) or
# JSON, system_log_level DEBUG, INFO (the default) or WARN, application_log_level, log_group. Log-level
# filtering applies to JSON logs only; at WARN Lambda drops its INFO system records, the start and report
# lines that record each invocation, its request id and its duration.
config := lib.attr_blocks("logging_config")[0] if {
	count(lib.attr_blocks("logging_config")) > 0
} else := {}

block_path := ["logging_config"] if {
	is_object(lib.attr("logging_config"))
} else := ["logging_config", 0]

log_format := object.get(config, "log_format", null)

level := object.get(config, "system_log_level", null)

level_path := array.concat(block_path, ["system_log_level"])

aws_audit_lambda_json if {
	is_string(log_format)
	upper(log_format) == "JSON"
}

aws_audit_lambda_format_unknown if lib.is_unknown(log_format)

# The level lets the invocation records through: DEBUG or INFO, or not set (INFO).
aws_audit_lambda_level_keeps if not lib.is_set(level)

aws_audit_lambda_level_keeps if {
	is_string(level)
	upper(level) in {"DEBUG", "INFO"}
}

msg := concat("", [
	"function drops its invocation records: logging_config.system_log_level is ", lib.show(level),
	" with log_format ", lib.show(log_format),
	", required INFO or DEBUG (or not set), so that Lambda sends the start and report record of every invocation",
])

# JSON logs filtered above INFO (or at a level unknown until apply, which the engine makes undetermined).
deny contains lib.violation(level_path, msg) if {
	aws_audit_lambda_json
	not aws_audit_lambda_level_keeps
}

# A format unknown until apply decides whether the level filters anything: undetermined.
deny contains lib.undetermined(level_path, msg) if {
	aws_audit_lambda_format_unknown
	not aws_audit_lambda_level_keeps
}

# logging_config unknown as a whole (a dynamic block over a value known after apply; in a Terraform plan,
# the block the AWS provider computes when the configuration leaves it out) may hold JSON at WARN:
# undetermined, never a pass.
deny contains lib.undetermined(["logging_config"], block_msg) if lib.is_unknown(lib.attr("logging_config"))

block_msg := "function may drop its invocation records: logging_config is unknown until apply, required log_format Text or system_log_level INFO or DEBUG (or not set)"
