package iacgate.rules.audit_logging.aws_audit_codebuild_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_codebuild_logs
import rego.v1

project(attributes) := testing.resource("aws_codebuild_project", attributes)

test_default_cloudwatch_logs_pass if {
	count(aws_audit_codebuild_logs.deny) == 0 with input.resource as project({"name": "build"})
		with input.related as []
}

test_cloudwatch_off_s3_on_passes if {
	count(aws_audit_codebuild_logs.deny) == 0 with input.resource as project({"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": "ENABLED", "location": "logs/build"}]}]})
		with input.related as []
}

test_cloudwatch_off_fails if {
	some result in aws_audit_codebuild_logs.deny with input.resource as project({"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}]}]})
		with input.related as []
	result.path == ["logs_config", 0, "cloudwatch_logs", 0, "status"]
	result.message == "build logs are kept nowhere: logs_config.cloudwatch_logs.status is DISABLED and logs_config.s3_logs.status is DISABLED, required ENABLED for either"
}

test_cloudformation_shape_fails if {
	some result in aws_audit_codebuild_logs.deny with input.resource as project({"logs_config": {"cloud_watch_logs": {"status": "DISABLED"}, "s3_logs": {"status": "DISABLED"}}})
		with input.related as []
	result.path == ["logs_config", "cloud_watch_logs", "status"]
}

test_unknown_cloudwatch_status_is_reported_at_its_path if {
	some result in aws_audit_codebuild_logs.deny with input.resource as project({"logs_config": [{"cloudwatch_logs": [{"status": testing.unknown}]}]})
		with input.related as []
	result.path == ["logs_config", 0, "cloudwatch_logs", 0, "status"]
}

test_unknown_s3_status_with_cloudwatch_off_is_reported_at_s3 if {
	some result in aws_audit_codebuild_logs.deny with input.resource as project({"logs_config": [{"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": testing.unknown}]}]})
		with input.related as []
	result.path == ["logs_config", 0, "s3_logs", 0, "status"]
}

test_unknown_logs_config_is_reported_at_its_path if {
	some result in aws_audit_codebuild_logs.deny with input.resource as project({"logs_config": testing.unknown})
		with input.related as []
	result.path == ["logs_config"]
}
