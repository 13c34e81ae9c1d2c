package iacgate.rules.encryption.s3_bucket_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.s3_bucket_encryption
import rego.v1

kms_rule := [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": testing.unknown}]}]

test_separate_configuration_passes if {
	count(s3_bucket_encryption.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": testing.unknown})
		with input.related as [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": kms_rule})]
}

test_inline_configuration_passes if {
	count(s3_bucket_encryption.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]})
		with input.related as []
}

test_computed_block_without_configuration_fails_on_the_bucket if {
	some result in s3_bucket_encryption.deny with input.resource as testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": testing.unknown})
		with input.related as []
	result.path == []
}

test_missing_block_fails_on_the_attribute if {
	some result in s3_bucket_encryption.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "b"})
		with input.related as [testing.referrer("aws_s3_bucket_logging", "bucket", {})]
	result.path == ["server_side_encryption_configuration"]
}

cfn_bucket(properties) := object.union(
	testing.resource("aws_s3_bucket", properties),
	{"format": "cloudformation", "native_type": "AWS::S3::Bucket"},
)

test_cloudformation_bucket_encryption_passes if {
	count(s3_bucket_encryption.deny) == 0 with input.resource as cfn_bucket({"bucket_encryption": {"server_side_encryption_configuration": [{"server_side_encryption_by_default": {"sse_algorithm": "AES256"}}]}})
		with input.related as []
}

test_cloudformation_bucket_without_bucket_encryption_fails if {
	some result in s3_bucket_encryption.deny with input.resource as cfn_bucket({"bucket_name": "b"})
		with input.related as []
	contains(result.message, "server_side_encryption_configuration is not set")
	# CloudFormation has no separate encryption resource: the message does not send the user looking for one.
	not contains(result.message, "aws_s3_bucket_server_side_encryption_configuration")
}

chosen := {"__unknown__": "Fn::If on condition Encrypt, which cannot be evaluated (parameter Encrypt has no value)"}

# BucketEncryption: !If [Encrypt, {...}, !Ref AWS::NoValue]: either declared or not, judged at its path.
test_cloudformation_encryption_chosen_by_a_condition_points_at_it if {
	some result in s3_bucket_encryption.deny with input.resource as cfn_bucket({"bucket_encryption": chosen})
		with input.related as []
	result.path == ["bucket_encryption"]
	contains(result.message, "is unknown until apply")
}

# ServerSideEncryptionConfiguration: [!If [UseKms, rule, rule]]: a rule is declared whichever is taken.
test_cloudformation_rule_chosen_by_a_condition_is_declared if {
	count(s3_bucket_encryption.deny) == 0 with input.resource as cfn_bucket({"bucket_encryption": {"server_side_encryption_configuration": [chosen]}})
		with input.related as []
}

test_cloudformation_bucket_without_encryption_fails_as_before if {
	some result in s3_bucket_encryption.deny with input.resource as cfn_bucket({"bucket_encryption": null})
		with input.related as []
	result.path == ["server_side_encryption_configuration"]
	contains(result.message, "is not set")
}
