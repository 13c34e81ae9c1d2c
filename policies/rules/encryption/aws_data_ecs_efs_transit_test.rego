package iacgate.rules.encryption.aws_data_ecs_efs_transit_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ecs_efs_transit as rule
import rego.v1

ecs_cfn_resource(attributes) := object.union(testing.resource("aws_ecs_task_definition", attributes), {"format": "cloudformation"})

test_ecs_efs_tls_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_ecs_task_definition",
		{"volume": [{"name": "scratch"}, {"name": "shared", "efs_volume_configuration": [{"transit_encryption": "ENABLED"}]}]},
	)
		with input.related as []
}

test_ecs_efs_default_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_ecs_task_definition",
		{"volume": [{"name": "shared", "efs_volume_configuration": [{"file_system_id": "fs-1"}]}]},
	)
		with input.related as []
	result.path == ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"]
	contains(result.message, "EFS volume shared without transit encryption")
}

test_ecs_cfn_disabled_fails if {
	some result in rule.deny with input.resource as ecs_cfn_resource({"volumes": [{"name": "shared", "efs_volume_configuration": {"transit_encryption": "DISABLED"}}]})
		with input.related as []
	result.path == ["volumes", 0, "efs_volume_configuration", "transit_encryption"]
	contains(result.message, "transit_encryption is DISABLED, required ENABLED")
}

test_ecs_without_efs_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource(
		"aws_ecs_task_definition",
		{"volume": [{"name": "scratch"}]},
	)
		with input.related as []
}

test_ecs_volumes_unknown_judged if {
	some result in rule.deny with input.resource as testing.resource("aws_ecs_task_definition", {"volume": testing.unknown})
		with input.related as []
	result.path == ["volume", "transit_encryption"]
}
