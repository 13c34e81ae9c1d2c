package iacgate.rules.audit_logging.s3_access_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.s3_access_logging
import rego.v1

# A function, not a constant: regopy 1.5.2 leaves input undefined in `with input.resource as <rule>`.
bucket(logging) := testing.resource("aws_s3_bucket", {"logging": logging})

test_separate_logging_resource_passes if {
	count(s3_access_logging.deny) == 0 with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_logging", "bucket", {"target_prefix": "logs/"})]
}

test_inline_logging_passes if {
	count(s3_access_logging.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"logging": [{"target_bucket": "logs", "target_prefix": "x/"}]})
		with input.related as []
}

test_log_target_bucket_is_exempt if {
	count(s3_access_logging.deny) == 0 with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_logging", "target_bucket", {})]
}

test_bucket_without_logging_fails if {
	some result in s3_access_logging.deny with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_policy", "bucket", {})]
	result.path == []
}

test_empty_inline_logging_fails if {
	some result in s3_access_logging.deny with input.resource as testing.resource("aws_s3_bucket", {"logging": []})
		with input.related as []
	result.path == ["logging"]
}

cfn_bucket(properties) := object.union(
	testing.resource("aws_s3_bucket", properties),
	{"format": "cloudformation", "native_type": "AWS::S3::Bucket"},
)

test_cloudformation_logging_configuration_passes if {
	count(s3_access_logging.deny) == 0 with input.resource as cfn_bucket({"logging_configuration": {"destination_bucket_name": testing.unknown, "log_file_prefix": "s3/"}})
		with input.related as []
}

test_cloudformation_log_destination_bucket_is_exempt if {
	count(s3_access_logging.deny) == 0 with input.resource as cfn_bucket({"bucket_name": "logs"})
		with input.related as [testing.referrer("aws_s3_bucket", "logging_configuration", {"logging_configuration": {"destination_bucket_name": "logs"}})]
}

test_cloudformation_bucket_without_logging_configuration_fails if {
	count(s3_access_logging.deny) == 1 with input.resource as cfn_bucket({"bucket_name": "b"})
		with input.related as []
}

cfn_logged_bucket(logging) := object.union(testing.resource("aws_s3_bucket", {"logging_configuration": logging}), {"format": "cloudformation"})

# LoggingConfiguration: !If [Audited, {...}, !Ref AWS::NoValue]: logging may be off, never a pass.
test_cloudformation_logging_chosen_by_a_condition_is_judged_at_it if {
	some result in s3_access_logging.deny with input.resource as cfn_logged_bucket({"__unknown__": "Fn::If on condition Audited, which cannot be evaluated"})
		with input.related as []
	result.path == ["logging_configuration"]
}

test_cloudformation_logging_configuration_passes if {
	count(s3_access_logging.deny) == 0 with input.resource as cfn_logged_bucket({"destination_bucket_name": "logs"})
		with input.related as []
}
