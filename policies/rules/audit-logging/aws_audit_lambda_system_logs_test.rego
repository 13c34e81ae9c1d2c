package iacgate.rules.audit_logging.aws_audit_lambda_system_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_lambda_system_logs
import rego.v1

function(attributes) := testing.resource("aws_lambda_function", attributes)

test_no_logging_config_passes if {
	count(aws_audit_lambda_system_logs.deny) == 0 with input.resource as function({"function_name": "orders"})
		with input.related as []
}

test_json_info_passes if {
	count(aws_audit_lambda_system_logs.deny) == 0 with input.resource as function({"logging_config": [{"log_format": "JSON", "system_log_level": "INFO"}]})
		with input.related as []
}

test_text_format_is_not_filtered if {
	count(aws_audit_lambda_system_logs.deny) == 0 with input.resource as function({"logging_config": {"log_format": "Text"}})
		with input.related as []
}

test_json_warn_fails if {
	some result in aws_audit_lambda_system_logs.deny with input.resource as function({"logging_config": [{"log_format": "JSON", "system_log_level": "WARN"}]})
		with input.related as []
	result.path == ["logging_config", 0, "system_log_level"]
	not result.status
	result.message == "function drops its invocation records: logging_config.system_log_level is WARN with log_format JSON, required INFO or DEBUG (or not set), so that Lambda sends the start and report record of every invocation"
}

test_unknown_format_with_warn_is_undetermined if {
	some result in aws_audit_lambda_system_logs.deny with input.resource as function({"logging_config": {"log_format": testing.unknown, "system_log_level": "WARN"}})
		with input.related as []
	result.status == "undetermined"
	result.path == ["logging_config", "system_log_level"]
}

test_unknown_level_is_reported_at_its_path if {
	some result in aws_audit_lambda_system_logs.deny with input.resource as function({"logging_config": [{"log_format": "JSON", "system_log_level": testing.unknown}]})
		with input.related as []
	result.path == ["logging_config", 0, "system_log_level"]
}

test_unknown_block_is_undetermined if {
	some result in aws_audit_lambda_system_logs.deny with input.resource as function({"logging_config": testing.unknown})
		with input.related as []
	result.status == "undetermined"
	result.path == ["logging_config"]
}
