# LOG-SFN-001: Step Functions state machines log their executions to CloudWatch Logs.
package iacgate.rules.audit_logging.aws_audit_sfn_logging

import data.iacgate.lib
import rego.v1

# logging_configuration (CloudFormation LoggingConfiguration, Pulumi loggingConfiguration): level ALL,
# ERROR or FATAL; OFF, the default, logs nothing.
config := lib.attr_blocks("logging_configuration")[0] if {
	count(lib.attr_blocks("logging_configuration")) > 0
} else := {}

level := object.get(config, "level", null)

level_path := array.concat(aws_audit_sfn_block_path, ["level"])

aws_audit_sfn_block_path := ["logging_configuration"] if {
	is_object(lib.attr("logging_configuration"))
} else := ["logging_configuration", 0]

logging_levels := {"ALL", "ERROR", "FATAL"}

aws_audit_sfn_level_on if {
	is_string(level)
	upper(level) in logging_levels
}

deny contains lib.violation(lib.missing_block_path("logging_configuration"), msg) if {
	count(lib.attr_blocks("logging_configuration")) == 0
	msg := "state machine logs no executions: logging_configuration is not set, required level ALL, ERROR or FATAL with a log destination"
}

deny contains lib.violation(level_path, msg) if {
	count(lib.attr_blocks("logging_configuration")) > 0
	not aws_audit_sfn_level_on
	msg := concat("", ["state machine logs no executions: logging_configuration.level is ", lib.show(level), ", required ALL, ERROR or FATAL"])
}
