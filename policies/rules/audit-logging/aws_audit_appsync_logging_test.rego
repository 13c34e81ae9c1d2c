package iacgate.rules.audit_logging.aws_audit_appsync_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_appsync_logging
import rego.v1

api(attributes) := testing.resource("aws_appsync_graphql_api", attributes)

test_error_level_passes if {
	count(aws_audit_appsync_logging.deny) == 0 with input.resource as api({"log_config": [{"field_log_level": "ERROR", "cloudwatch_logs_role_arn": "arn:aws:iam::1:role/appsync"}]})
		with input.related as []
}

test_cloudformation_object_passes if {
	count(aws_audit_appsync_logging.deny) == 0 with input.resource as api({"log_config": {"field_log_level": "ALL"}})
		with input.related as []
}

test_missing_log_config_fails if {
	some result in aws_audit_appsync_logging.deny with input.resource as api({"name": "orders"})
		with input.related as []
	result.path == ["log_config"]
}

test_none_fails if {
	some result in aws_audit_appsync_logging.deny with input.resource as api({"log_config": [{"field_log_level": "NONE"}]})
		with input.related as []
	result.path == ["log_config", 0, "field_log_level"]
	result.message == "GraphQL API writes no field-level logs: log_config.field_log_level is NONE, required ALL, ERROR, INFO or DEBUG"
}

test_unknown_level_is_reported_at_its_path if {
	some result in aws_audit_appsync_logging.deny with input.resource as api({"log_config": {"field_log_level": testing.unknown}})
		with input.related as []
	result.path == ["log_config", "field_log_level"]
}
