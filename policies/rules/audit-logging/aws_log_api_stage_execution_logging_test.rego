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
