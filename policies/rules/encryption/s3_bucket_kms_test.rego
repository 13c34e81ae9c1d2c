package iacgate.rules.encryption.s3_bucket_kms_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.s3_bucket_kms
import rego.v1

rule(settings) := [{"apply_server_side_encryption_by_default": [settings]}]

# A function, not a constant: regopy 1.5.2 leaves input undefined in `with input.resource as <rule>`.
bucket(sse) := testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": sse})

separate_kms(key) := testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": rule({"sse_algorithm": "aws:kms", "kms_master_key_id": key})})

# The separate configuration refers to a KMS key resource of the configuration in its rule.
separate_kms_with_key_resource := object.union(separate_kms(testing.unknown), {"refers_to": [{"attribute": "rule", "type": "aws_kms_key", "mode": "managed"}]})

test_separate_kms_with_unknown_key_of_a_key_resource_passes if {
	count(s3_bucket_kms.deny) == 0 with input.resource as bucket(testing.unknown)
		with input.related as [separate_kms_with_key_resource]
}

# A variable with no value may hold alias/aws/s3 (issue 15: was a pass).
test_separate_kms_with_unknown_key_of_nothing_is_undetermined if {
	some result in s3_bucket_kms.deny with input.resource as bucket(testing.unknown)
		with input.related as [separate_kms(testing.unknown)]
	result.status == "undetermined"
}

# A data source reference is not a key resource of the configuration.
test_separate_kms_with_unknown_key_of_a_data_source_is_undetermined if {
	some result in s3_bucket_kms.deny with input.resource as bucket(testing.unknown)
		with input.related as [object.union(separate_kms(testing.unknown), {"refers_to": [{"attribute": "rule", "type": "aws_kms_key", "mode": "data"}]})]
	result.status == "undetermined"
}

test_separate_kms_with_literal_customer_key_passes if {
	count(s3_bucket_kms.deny) == 0 with input.resource as bucket(testing.unknown)
		with input.related as [separate_kms("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
}

test_inline_kms_with_key_arn_passes if {
	count(s3_bucket_kms.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": [{"rule": rule({"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})}]})
		with input.related as []
}

test_sse_s3_fails if {
	some result in s3_bucket_kms.deny with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": rule({"sse_algorithm": "AES256"})})]
	contains(result.message, "sse_algorithm AES256")
	not result.status
}

test_aws_managed_key_fails if {
	some result in s3_bucket_kms.deny with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": rule({"sse_algorithm": "aws:kms", "kms_master_key_id": ""})})]
	contains(result.message, "kms_master_key_id not set")
}

test_no_configuration_fails if {
	count(s3_bucket_kms.deny) == 1 with input.resource as bucket(testing.unknown) with input.related as []
}

test_access_log_target_is_exempt if {
	count(s3_bucket_kms.deny) == 0 with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_logging", "target_bucket", {})]
}

test_unknown_rules_are_undetermined if {
	some result in s3_bucket_kms.deny with input.resource as bucket(testing.unknown)
		with input.related as [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": testing.unknown})]
	result.status == "undetermined"
}

test_inline_sse_s3_fails_on_the_inline_block if {
	some result in s3_bucket_kms.deny with input.resource as bucket([{"rule": rule({"sse_algorithm": "AES256", "kms_master_key_id": null})}])
		with input.related as []
	result.path == ["server_side_encryption_configuration", 0, "rule", 0, "apply_server_side_encryption_by_default", 0]
	result.message == "S3 bucket default encryption (inline) uses sse_algorithm AES256 with kms_master_key_id not set: required aws:kms with a customer-managed key"
}

# CloudFormation BucketEncryption as the parser hands it over (PascalCase names in snake_case).
cfn_bucket(settings) := object.union(
	testing.resource("aws_s3_bucket", {"bucket_encryption": {"server_side_encryption_configuration": [{"server_side_encryption_by_default": settings, "bucket_key_enabled": true}]}}),
	{"format": "cloudformation", "native_type": "AWS::S3::Bucket"},
)

test_cloudformation_bucket_encryption_with_customer_managed_key_passes if {
	count(s3_bucket_kms.deny) == 0 with input.resource as cfn_bucket({"sse_algorithm": "aws:kms", "kms_master_key_id": testing.unknown})
		with input.related as [testing.key_reference("bucket_encryption")]
	some undetermined in s3_bucket_kms.deny with input.resource as cfn_bucket({"sse_algorithm": "aws:kms", "kms_master_key_id": testing.unknown})
		with input.related as []
	undetermined.status == "undetermined"
}

test_cloudformation_bucket_encryption_sse_s3_fails_on_the_default if {
	some result in s3_bucket_kms.deny with input.resource as cfn_bucket({"sse_algorithm": "AES256"})
		with input.related as []
	result.path == ["bucket_encryption", "server_side_encryption_configuration", 0, "server_side_encryption_by_default"]
	contains(result.message, "(BucketEncryption) uses sse_algorithm AES256")
}

cfn_kms_bucket(encryption) := object.union(testing.resource("aws_s3_bucket", {"bucket_encryption": encryption}), {"format": "cloudformation"})

test_cloudformation_rule_chosen_by_a_condition_is_undetermined if {
	some result in s3_bucket_kms.deny with input.resource as cfn_kms_bucket({"server_side_encryption_configuration": [{"__unknown__": "Fn::If on condition UseKms, which cannot be evaluated"}]})
		with input.related as []
	result.status == "undetermined"
}

test_cloudformation_encryption_chosen_by_a_condition_points_at_it if {
	some result in s3_bucket_kms.deny with input.resource as cfn_kms_bucket({"__unknown__": "Fn::If on condition Encrypt, which cannot be evaluated"})
		with input.related as []
	result.path == ["bucket_encryption"]
}
