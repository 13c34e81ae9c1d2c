# Unit tests of ENC-CODEBUILD-003.
package iacgate.rules.encryption.aws_rest_codebuild_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_codebuild_s3_logs
import rego.v1

test_disabled_encryption_fails if {
	some result in aws_rest_codebuild_s3_logs.deny with input.resource as testing.resource("aws_codebuild_project", {"logs_config": [{"s3_logs": [{"status": "ENABLED", "encryption_disabled": true}]}]})
		with input.related as []
	result.path == ["logs_config", 0, "s3_logs", 0, "encryption_disabled"]
}

test_encrypted_passes_and_off_is_not_judged if {
	count(aws_rest_codebuild_s3_logs.deny) == 0 with input.resource as testing.resource("aws_codebuild_project", {"logs_config": [{"s3_logs": [{"status": "ENABLED"}]}]})
		with input.related as []
	{"not_applicable": true} in aws_rest_codebuild_s3_logs.deny with input.resource as testing.resource("aws_codebuild_project", {})
		with input.related as []
	{"not_applicable": true} in aws_rest_codebuild_s3_logs.deny with input.resource as testing.resource("aws_codebuild_project", {"logs_config": {"s3_logs": {"status": "DISABLED", "encryption_disabled": true}}})
		with input.related as []
}

test_unknown_logs_or_switch_is_not_a_pass if {
	some result in aws_rest_codebuild_s3_logs.deny with input.resource as testing.resource("aws_codebuild_project", {"logs_config": testing.unknown})
		with input.related as []
	result.path == ["logs_config"]
	some switch in aws_rest_codebuild_s3_logs.deny with input.resource as testing.resource("aws_codebuild_project", {"logs_config": [{"s3_logs": [{"status": "ENABLED", "encryption_disabled": testing.unknown}]}]})
		with input.related as []
	switch.path == ["logs_config", 0, "s3_logs", 0, "encryption_disabled"]
}
