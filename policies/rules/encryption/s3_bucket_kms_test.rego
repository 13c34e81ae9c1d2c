package iacgate.rules.encryption.s3_bucket_kms_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.s3_bucket_kms
import rego.v1

# Every test names local variables after `as`: regopy 1.5.2 compiles a `with` whose value is written out
# (a function call, even `[]`) several times larger; this file ran past the 4 GB a test file may use
# (crashed) with them written there, 1.01 GB so.

rule(settings) := [{"apply_server_side_encryption_by_default": [settings]}]

# A function, not a constant: regopy 1.5.2 leaves input undefined in `with input.resource as <rule>`.
bucket(sse) := testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": sse})

separate_kms(key) := testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": rule({"sse_algorithm": "aws:kms", "kms_master_key_id": key})})

# The separate configuration refers to a KMS key resource of the configuration in its rule.
separate_kms_with_key_resource := object.union(separate_kms(testing.unknown), {"refers_to": [{"attribute": "rule", "type": "aws_kms_key", "mode": "managed"}]})

test_separate_kms_with_unknown_key_of_a_key_resource_passes if {
	subject := bucket(testing.unknown)
	related := [separate_kms_with_key_resource]
	count(s3_bucket_kms.deny) == 0 with input.resource as subject
		with input.related as related
}

# A variable with no value may hold alias/aws/s3 (issue 15: was a pass).
test_separate_kms_with_unknown_key_of_nothing_is_undetermined if {
	subject := bucket(testing.unknown)
	related := [separate_kms(testing.unknown)]
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as related
	result.status == "undetermined"
}

# A data source reference is not a key resource of the configuration.
test_separate_kms_with_unknown_key_of_a_data_source_is_undetermined if {
	subject := bucket(testing.unknown)
	related := [object.union(separate_kms(testing.unknown), {"refers_to": [{"attribute": "rule", "type": "aws_kms_key", "mode": "data"}]})]
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as related
	result.status == "undetermined"
}

test_separate_kms_with_literal_customer_key_passes if {
	subject := bucket(testing.unknown)
	related := [separate_kms("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
	count(s3_bucket_kms.deny) == 0 with input.resource as subject
		with input.related as related
}

test_inline_kms_with_key_arn_passes if {
	none := []
	subject := testing.resource("aws_s3_bucket", {"server_side_encryption_configuration": [{"rule": rule({"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})}]})
	count(s3_bucket_kms.deny) == 0 with input.resource as subject
		with input.related as none
}

test_sse_s3_fails if {
	subject := bucket(testing.unknown)
	related := [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": rule({"sse_algorithm": "AES256"})})]
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as related
	contains(result.message, "sse_algorithm AES256")
	not result.status
}

test_aws_managed_key_fails if {
	subject := bucket(testing.unknown)
	related := [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": rule({"sse_algorithm": "aws:kms", "kms_master_key_id": ""})})]
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as related
	contains(result.message, "kms_master_key_id not set")
}

test_no_configuration_fails if {
	none := []
	subject := bucket(testing.unknown)
	count(s3_bucket_kms.deny) == 1 with input.resource as subject with input.related as none
}

test_access_log_target_is_exempt if {
	subject := bucket(testing.unknown)
	related := [testing.referrer("aws_s3_bucket_logging", "target_bucket", {})]
	count(s3_bucket_kms.deny) == 0 with input.resource as subject
		with input.related as related
}

test_unknown_rules_are_undetermined if {
	subject := bucket(testing.unknown)
	related := [testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": testing.unknown})]
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as related
	result.status == "undetermined"
}

test_inline_sse_s3_fails_on_the_inline_block if {
	none := []
	subject := bucket([{"rule": rule({"sse_algorithm": "AES256", "kms_master_key_id": null})}])
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as none
	result.path == ["server_side_encryption_configuration", 0, "rule", 0, "apply_server_side_encryption_by_default", 0]
	result.message == "S3 bucket default encryption (inline) uses sse_algorithm AES256 with kms_master_key_id not set: required aws:kms with a customer-managed key"
}

# CloudFormation BucketEncryption as the parser hands it over (PascalCase names in snake_case).
cfn_bucket(settings) := object.union(
	testing.resource("aws_s3_bucket", {"bucket_encryption": {"server_side_encryption_configuration": [{"server_side_encryption_by_default": settings, "bucket_key_enabled": true}]}}),
	{"format": "cloudformation", "native_type": "AWS::S3::Bucket"},
)

test_cloudformation_bucket_encryption_with_customer_managed_key_passes if {
	none := []
	subject := cfn_bucket({"sse_algorithm": "aws:kms", "kms_master_key_id": testing.unknown})
	related := [testing.key_reference("bucket_encryption")]
	count(s3_bucket_kms.deny) == 0 with input.resource as subject
		with input.related as related
	some undetermined in s3_bucket_kms.deny with input.resource as subject
		with input.related as none
	undetermined.status == "undetermined"
}

test_cloudformation_bucket_encryption_sse_s3_fails_on_the_default if {
	none := []
	subject := cfn_bucket({"sse_algorithm": "AES256"})
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as none
	result.path == ["bucket_encryption", "server_side_encryption_configuration", 0, "server_side_encryption_by_default"]
	contains(result.message, "(BucketEncryption) uses sse_algorithm AES256")
}

cfn_kms_bucket(encryption) := object.union(testing.resource("aws_s3_bucket", {"bucket_encryption": encryption}), {"format": "cloudformation"})

test_cloudformation_rule_chosen_by_a_condition_is_undetermined if {
	none := []
	subject := cfn_kms_bucket({"server_side_encryption_configuration": [{"__unknown__": "Fn::If on condition UseKms, which cannot be evaluated"}]})
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as none
	result.status == "undetermined"
}

test_cloudformation_encryption_chosen_by_a_condition_points_at_it if {
	none := []
	subject := cfn_kms_bucket({"__unknown__": "Fn::If on condition Encrypt, which cannot be evaluated"})
	some result in s3_bucket_kms.deny with input.resource as subject
		with input.related as none
	result.path == ["bucket_encryption"]
}
