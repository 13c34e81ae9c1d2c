package iacgate.rules.audit_logging.aws_audit_ecs_exec_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_ecs_exec_logging
import rego.v1

cluster(exec) := testing.resource("aws_ecs_cluster", {"name": "apps", "configuration": [{"execute_command_configuration": [exec]}]})

test_default_passes if {
	count(aws_audit_ecs_exec_logging.deny) == 0 with input.resource as testing.resource("aws_ecs_cluster", {"name": "apps"})
		with input.related as []
	count(aws_audit_ecs_exec_logging.deny) == 0 with input.resource as cluster({"logging": "DEFAULT"})
		with input.related as []
}

test_override_with_a_group_passes if {
	count(aws_audit_ecs_exec_logging.deny) == 0 with input.resource as cluster({"logging": "OVERRIDE", "log_configuration": [{"cloud_watch_log_group_name": "/ecs/exec"}]})
		with input.related as []
}

test_none_fails if {
	some result in aws_audit_ecs_exec_logging.deny with input.resource as cluster({"logging": "NONE"})
		with input.related as []
	result.path == ["configuration", 0, "execute_command_configuration", 0, "logging"]
}

test_override_without_destination_fails if {
	some result in aws_audit_ecs_exec_logging.deny with input.resource as testing.resource("aws_ecs_cluster", {"configuration": {"execute_command_configuration": {"logging": "OVERRIDE"}}})
		with input.related as []
	result.path == ["configuration", "execute_command_configuration", "log_configuration"]
}

test_unknown_logging_is_reported_at_its_path if {
	some result in aws_audit_ecs_exec_logging.deny with input.resource as cluster({"logging": testing.unknown})
		with input.related as []
	result.path == ["configuration", 0, "execute_command_configuration", 0, "logging"]
}

test_unknown_configuration_is_reported_at_its_path if {
	some result in aws_audit_ecs_exec_logging.deny with input.resource as testing.resource("aws_ecs_cluster", {"configuration": testing.unknown})
		with input.related as []
	result.path == ["configuration"]
}
