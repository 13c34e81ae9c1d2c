# Unit tests of the messaging, streaming and serverless rules of the aws_rest group (review of December 2026).
package iacgate.rules.encryption.aws_rest_messaging_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_codebuild_s3_logs
import data.iacgate.rules.encryption.aws_rest_firehose_cmk
import data.iacgate.rules.encryption.aws_rest_lambda_environment_cmk
import data.iacgate.rules.encryption.aws_rest_opensearch_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

# A resource of an HCL configuration (testing.resource is one of a plan).
messaging_hcl(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"format": "terraform"})

# A key not set inside a block unknown until apply (a dynamic block) is a plain violation at the block, which
# the engine reports undetermined: not one decided by a neighbour, which would stay failed.
test_opensearch_unknown_block_not_decided if {
	subject := messaging_hcl("aws_opensearch_domain", {"encrypt_at_rest": testing.unknown})
	some result in aws_rest_opensearch_cmk.deny with input.resource as subject
	result.path == ["encrypt_at_rest"]
	not result.decided
}

test_opensearch_aws_managed_decided if {
	subject := testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": "alias/aws/es"}]})
	some result in aws_rest_opensearch_cmk.deny with input.resource as subject
	result.path == ["encrypt_at_rest", 0, "kms_key_id"]
	result.decided
}

messaging_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

messaging_firehose(format, encryption) := object.union(
	testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": encryption}),
	{"format": format},
)

# Terraform and Pulumi: a customer-managed key with server_side_encryption.enabled false (the default) is
# not used.
test_firehose_customer_key_disabled_fails if {
	subject := messaging_firehose("terraform", [{"enabled": false, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": messaging_key}])
	some result in aws_rest_firehose_cmk.deny with input.resource as subject
	result.path == ["server_side_encryption", 0, "enabled"]
	contains(result.message, "server_side_encryption.enabled is false, required true")
}

test_firehose_customer_key_enabled_passes if {
	subject := messaging_firehose("terraform", [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": messaging_key}])
	count(aws_rest_firehose_cmk.deny) == 0 with input.resource as subject
}

# CloudFormation has no enabled: DeliveryStreamEncryptionConfigurationInput turns encryption on.
test_firehose_cloudformation_has_no_switch if {
	subject := messaging_firehose("cloudformation", {"key_type": "CUSTOMER_MANAGED_CMK", "key_arn": messaging_key})
	count(aws_rest_firehose_cmk.deny) == 0 with input.resource as subject
}

# Environment variables unknown until apply (a dynamic environment block, variables = var.x): the function
# may have nothing to encrypt, so a key that is not customer-managed is undetermined, not failed or skipped.
test_lambda_environment_unknown_undetermined if {
	subject := messaging_hcl("aws_lambda_function", {"environment": testing.unknown})
	some result in aws_rest_lambda_environment_cmk.deny with input.resource as subject
	result.status == "undetermined"
	result.path == ["kms_key_arn"]
}

test_lambda_variables_unknown_undetermined if {
	subject := messaging_hcl("aws_lambda_function", {"environment": [{"variables": testing.unknown}]})
	some result in aws_rest_lambda_environment_cmk.deny with input.resource as subject
	result.status == "undetermined"
}

test_lambda_environment_unknown_customer_key_passes if {
	subject := messaging_hcl("aws_lambda_function", {"environment": testing.unknown, "kms_key_arn": messaging_key})
	count(aws_rest_lambda_environment_cmk.deny) == 0 with input.resource as subject
}

messaging_codebuild(s3_logs) := messaging_hcl("aws_codebuild_project", {"logs_config": [{"s3_logs": [s3_logs]}]})

# S3 logs status unknown until apply with encryption_disabled true: a finding at the unknown status
# (undetermined), not a pass.
test_codebuild_status_unknown_encryption_disabled if {
	subject := messaging_codebuild({"status": testing.unknown, "encryption_disabled": true})
	some result in aws_rest_codebuild_s3_logs.deny with input.resource as subject
	result.path == ["logs_config", 0, "s3_logs", 0, "status"]
}

test_codebuild_status_unknown_encryption_kept if {
	subject := messaging_codebuild({"status": testing.unknown})
	count(aws_rest_codebuild_s3_logs.deny) == 0 with input.resource as subject
}

messaging_opensearch(encryption) := messaging_hcl("aws_opensearch_domain", {"encrypt_at_rest": [encryption]})

# A customer-managed key named with encrypt_at_rest.enabled false, or unknown, is not (known to be) used.
test_opensearch_cmk_encryption_disabled if {
	subject := messaging_opensearch({"enabled": false, "kms_key_id": messaging_key})
	some result in aws_rest_opensearch_cmk.deny with input.resource as subject
	result.path == ["encrypt_at_rest", 0, "enabled"]
}

test_opensearch_cmk_encryption_enabled_unknown if {
	subject := messaging_opensearch({"enabled": testing.unknown, "kms_key_id": messaging_key})
	some result in aws_rest_opensearch_cmk.deny with input.resource as subject
	result.path == ["encrypt_at_rest", 0, "enabled"]
}

test_opensearch_cmk_encryption_enabled if {
	subject := messaging_opensearch({"enabled": true, "kms_key_id": messaging_key})
	count(aws_rest_opensearch_cmk.deny) == 0 with input.resource as subject
}

# CloudFormation DeliveryStreamType unknown until deploy without encryption settings: a finding at the type
# (undetermined), not a failure at the key type.
test_firehose_stream_type_unknown if {
	resource := object.union(
		testing.resource("aws_kinesis_firehose_delivery_stream", {"delivery_stream_type": testing.unknown}),
		{"format": "cloudformation"},
	)
	results := aws_rest_firehose_cmk.deny with input.resource as resource
	count(results) == 1
	some result in results
	result.path == ["delivery_stream_type"]
}
