package iacgate.rules.audit_logging.aws_audit_sfn_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_sfn_logging
import rego.v1

machine(attributes) := testing.resource("aws_sfn_state_machine", attributes)

test_all_level_passes if {
	count(aws_audit_sfn_logging.deny) == 0 with input.resource as machine({"logging_configuration": [{"level": "ALL", "log_destination": "arn:aws:logs:eu-west-1:1:log-group:sfn:*"}]})
		with input.related as []
}

test_error_level_in_an_object_passes if {
	count(aws_audit_sfn_logging.deny) == 0 with input.resource as machine({"logging_configuration": {"level": "error"}})
		with input.related as []
}

test_missing_configuration_fails if {
	some result in aws_audit_sfn_logging.deny with input.resource as machine({"name": "orders"})
		with input.related as []
	result.path == ["logging_configuration"]
}

test_off_fails if {
	some result in aws_audit_sfn_logging.deny with input.resource as machine({"logging_configuration": [{"level": "OFF"}]})
		with input.related as []
	result.path == ["logging_configuration", 0, "level"]
	result.message == "state machine logs no executions: logging_configuration.level is OFF, required ALL, ERROR or FATAL"
}

test_unknown_level_is_reported_at_its_path if {
	some result in aws_audit_sfn_logging.deny with input.resource as machine({"logging_configuration": [{"level": testing.unknown}]})
		with input.related as []
	result.path == ["logging_configuration", 0, "level"]
}
