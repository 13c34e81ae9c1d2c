package iacgate.rules.audit_logging.aws_log_api_stage_execution_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_api_stage_execution_logging
import rego.v1

log_exec_stage(attributes) := testing.resource("aws_api_gateway_stage", attributes)

log_exec_methods(level) := testing.referrer("aws_api_gateway_method_settings", "stage_name", {"method_path": "*/*", "settings": [{"logging_level": level}]})

test_info_method_settings_pass if {
	count(aws_log_api_stage_execution_logging.deny) == 0 with input.resource as log_exec_stage({"stage_name": "prod"})
		with input.related as [log_exec_methods("INFO")]
}

test_off_method_settings_fail if {
	some result in aws_log_api_stage_execution_logging.deny with input.resource as log_exec_stage({"stage_name": "prod"})
		with input.related as [log_exec_methods("OFF")]
	result.message == "API Gateway stage logs no method execution: logging_level is OFF, required INFO or ERROR"
}

test_no_method_settings_fail if {
	some result in aws_log_api_stage_execution_logging.deny with input.resource as log_exec_stage({"stage_name": "prod"})
		with input.related as []
	result.path == ["method_settings"]
}

test_cloudformation_method_settings_error_passes if {
	count(aws_log_api_stage_execution_logging.deny) == 0 with input.resource as log_exec_stage({"method_settings": [{"resource_path": "/*", "http_method": "*", "logging_level": "ERROR"}]})
		with input.related as []
}

test_cloudformation_method_settings_off_points_at_level if {
	some result in aws_log_api_stage_execution_logging.deny with input.resource as log_exec_stage({"method_settings": [{"resource_path": "/*", "http_method": "*", "logging_level": "OFF"}]})
		with input.related as []
	result.path == ["method_settings", 0, "logging_level"]
}

# Issue 16 §2: a logging level unknown until apply may be OFF: undetermined, never a pass.
test_unknown_level_of_method_settings_is_undetermined if {
	some result in aws_log_api_stage_execution_logging.deny with input.resource as testing.resource("aws_api_gateway_stage", {"stage_name": "prod"})
		with input.related as [testing.referrer("aws_api_gateway_method_settings", "stage_name", {"settings": [{"logging_level": testing.unknown}]})]
	result.status == "undetermined"
}

# stage_name = "prod" written as a literal, with depends_on the stage (a plan's or a Pulumi stack's edge has
# no attribute, only its kind).
log_exec_depends_on(level) := object.union(
	testing.referrer("aws_api_gateway_method_settings", null, {"stage_name": "prod", "method_path": "*/*", "settings": [{"logging_level": level}]}),
	{"edge": "depends_on"},
)

test_method_settings_through_depends_on_pass if {
	count(aws_log_api_stage_execution_logging.deny) == 0 with input.resource as log_exec_stage({"stage_name": "prod"})
		with input.related as [log_exec_depends_on("INFO")]
}

test_method_settings_through_depends_on_off_fail if {
	some result in aws_log_api_stage_execution_logging.deny with input.resource as log_exec_stage({"stage_name": "prod"})
		with input.related as [log_exec_depends_on("OFF")]
	contains(result.message, "logging_level is OFF")
}
