# LOG-APIGATEWAY-002: API Gateway REST stages log method execution (logging level INFO or ERROR).
package iacgate.rules.audit_logging.aws_log_api_stage_execution_logging

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(["method_settings"], msg) if {
	count(aws_log.log_stage_logging_levels) == 0
	msg := concat("", [
		"API Gateway stage logs no method execution: method_settings is not set",
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_api_gateway_method_settings refers to it"),
		", required logging_level INFO or ERROR",
	])
}

deny contains lib.violation(entry.path, msg) if {
	not aws_log.log_stage_execution_logging
	not aws_log.log_stage_logging_level_unknown
	some entry in aws_log.log_stage_logging_levels
	msg := concat("", [
		"API Gateway stage logs no method execution: logging_level is ", lib.show(entry.level),
		", required INFO or ERROR",
	])
}

# No level on, and one unknown until apply (logging_level = var.level): it may be OFF, so undetermined.
deny contains lib.undetermined(entry.path, msg) if {
	not aws_log.log_stage_execution_logging
	some entry in aws_log.log_stage_logging_levels
	lib.is_unknown(entry.level)
	msg := concat("", [
		"API Gateway stage may log no method execution: logging_level is ", lib.show(entry.level),
		", required INFO or ERROR",
	])
}
