package iacgate.rules.audit_logging.aws_audit_config_recorder_all_resources_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_config_recorder_all_resources
import rego.v1

recorder(attributes) := testing.resource("aws_config_configuration_recorder", attributes)

test_default_recording_group_passes if {
	count(aws_audit_config_recorder_all_resources.deny) == 0 with input.resource as recorder({"name": "default", "role_arn": "arn:aws:iam::1:role/config"})
		with input.related as []
}

test_all_supported_passes if {
	count(aws_audit_config_recorder_all_resources.deny) == 0 with input.resource as recorder({"recording_group": [{"all_supported": true, "include_global_resource_types": true}]})
		with input.related as []
}

test_picked_types_fail if {
	some result in aws_audit_config_recorder_all_resources.deny with input.resource as recorder({"recording_group": [{"all_supported": false, "resource_types": ["AWS::S3::Bucket"]}]})
		with input.related as []
	result.path == ["recording_group", 0, "all_supported"]
	result.message == "Config recorder records only some resource types: recording_group.all_supported is false, required true"
}

test_cloudformation_string_false_fails if {
	some result in aws_audit_config_recorder_all_resources.deny with input.resource as recorder({"recording_group": {"all_supported": "false"}})
		with input.related as []
	result.path == ["recording_group", "all_supported"]
}

test_unknown_is_reported_at_its_path if {
	some result in aws_audit_config_recorder_all_resources.deny with input.resource as recorder({"recording_group": [{"all_supported": testing.unknown}]})
		with input.related as []
	result.path == ["recording_group", 0, "all_supported"]
}

# CloudFormation: a RecordingGroup without AllSupported takes the API's default, false.
test_cloudformation_group_without_all_supported_fails if {
	some result in aws_audit_config_recorder_all_resources.deny with input.resource as object.union(
		testing.resource("aws_config_configuration_recorder", {"recording_group": {"resource_types": ["AWS::S3::Bucket"]}}),
		{"format": "cloudformation"},
	)
	result.path == ["recording_group", "all_supported"]
}
