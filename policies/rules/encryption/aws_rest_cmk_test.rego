# Unit tests of the aws_rest rules whose question is one key attribute naming a customer-managed key.
package iacgate.rules.encryption.aws_rest_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_ebs_volume_cmk
import data.iacgate.rules.encryption.aws_rest_efs_cmk
import data.iacgate.rules.encryption.aws_rest_elasticache_cmk
import data.iacgate.rules.encryption.aws_rest_kinesis_cmk
import data.iacgate.rules.encryption.aws_rest_lambda_environment_cmk
import data.iacgate.rules.encryption.aws_rest_redshift_serverless_cmk
import data.iacgate.rules.encryption.aws_rest_sns_cmk
import data.iacgate.rules.encryption.aws_rest_sqs_cmk
import data.iacgate.rules.encryption.aws_rest_timestream_cmk
import rego.v1

rest_cmk_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

rest_cmk_res(type_name, attributes) := testing.resource(type_name, attributes)

# A volume from a snapshot without kms_key_id takes the snapshot's key: undetermined, never failed.
test_ebs_volume_from_snapshot_is_undetermined if {
	some result in aws_rest_ebs_volume_cmk.deny with input.resource as rest_cmk_res("aws_ebs_volume", {"snapshot_id": "snap-0a1b2c3d4e5f60718"})
		with input.related as []
	result.status == "undetermined"
	result.path == ["kms_key_id"]
}

test_ebs_volume if {
	some result in aws_rest_ebs_volume_cmk.deny with input.resource as rest_cmk_res("aws_ebs_volume", {"encrypted": true})
		with input.related as []
	result.path == ["kms_key_id"]
	contains(result.message, "kms_key_id is not set")
	count(aws_rest_ebs_volume_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": "alias/aws/ebs"})
		with input.related as []
	count(aws_rest_ebs_volume_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": rest_cmk_key})
		with input.related as []
	count(aws_rest_ebs_volume_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": testing.unknown})
		with input.related as [testing.key_reference("kms_key_id")]
	some undetermined in aws_rest_ebs_volume_cmk.deny with input.resource as rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": testing.unknown})
		with input.related as []
	undetermined.status == "undetermined"
}

test_efs_elasticache_sns_timestream if {
	count(aws_rest_efs_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_efs_file_system", {"encrypted": true})
		with input.related as []
	count(aws_rest_efs_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_efs_file_system", {"kms_key_id": rest_cmk_key})
		with input.related as []
	count(aws_rest_elasticache_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_elasticache_replication_group", {"at_rest_encryption_enabled": true})
		with input.related as []
	count(aws_rest_elasticache_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_elasticache_replication_group", {"kms_key_id": rest_cmk_key})
		with input.related as []
	count(aws_rest_sns_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_sns_topic", {"kms_master_key_id": "alias/aws/sns"})
		with input.related as []
	count(aws_rest_sns_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_sns_topic", {"kms_master_key_id": "alias/payments"})
		with input.related as []
	count(aws_rest_timestream_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_timestreamwrite_database", {})
		with input.related as []
	count(aws_rest_timestream_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_timestreamwrite_database", {"kms_key_id": rest_cmk_key})
		with input.related as []
}

test_sqs_managed_sse_is_not_a_customer_key if {
	some result in aws_rest_sqs_cmk.deny with input.resource as rest_cmk_res("aws_sqs_queue", {"sqs_managed_sse_enabled": true})
		with input.related as []
	result.path == ["kms_master_key_id"]
	count(aws_rest_sqs_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": rest_cmk_key})
		with input.related as []
}

# A key chosen by a condition that cannot be evaluated is undetermined even beside a reference to a key of
# the configuration (HCL `var.x ? aws_kms_key.k.arn : "alias/aws/sqs"`, CloudFormation Fn::If).
test_sqs_conditional_key_is_undetermined if {
	some hcl in aws_rest_sqs_cmk.deny with input.resource as rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "conditional whose condition is unknown (variable 'x' has no value)"}})
		with input.related as [testing.key_reference("kms_master_key_id")]
	contains(hcl.message, "is chosen by a condition that cannot be evaluated")
	count(aws_rest_sqs_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "Fn::If on condition Cmk, which cannot be evaluated (parameter UseCmk has no value)"}})
		with input.related as [testing.key_reference("kms_master_key_id")]
	count(aws_rest_sqs_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": testing.unknown})
		with input.related as [testing.key_reference("kms_master_key_id")]
}

# Fn::If between two resources of the template, each a KMS key: customer-managed whichever is taken; one of
# them another kind of resource (or a data source): undetermined.
test_sqs_conditional_between_keys_passes if {
	count(aws_rest_sqs_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "Fn::If on condition Cmk, which cannot be evaluated (parameter UseCmk has no value); each branch refers to a resource"}})
		with input.related as [testing.key_reference("kms_master_key_id")]
	count(aws_rest_sqs_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "Fn::If on condition Cmk, which cannot be evaluated (parameter UseCmk has no value); each branch refers to a resource"}})
		with input.related as [
			testing.key_reference("kms_master_key_id"),
			{"direction": "out", "edge": "reference", "attribute": "kms_master_key_id", "resource": object.union(testing.resource("aws_s3_bucket", {}), {"id": "Bucket"})},
		]
}

test_redshift_serverless_aws_owned_keyword_fails if {
	some result in aws_rest_redshift_serverless_cmk.deny with input.resource as rest_cmk_res("aws_redshiftserverless_namespace", {"kms_key_id": "AWS_OWNED_KMS_KEY"})
		with input.related as []
	contains(result.message, "AWS_OWNED_KMS_KEY")
	count(aws_rest_redshift_serverless_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_redshiftserverless_namespace", {"kms_key_id": rest_cmk_key})
		with input.related as []
}

test_kinesis if {
	some result in aws_rest_kinesis_cmk.deny with input.resource as rest_cmk_res("aws_kinesis_stream", {"encryption_type": "NONE"})
		with input.related as []
	result.path == ["encryption_type"]
	count(aws_rest_kinesis_cmk.deny) == 1 with input.resource as rest_cmk_res("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})
		with input.related as []
	count(aws_rest_kinesis_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": rest_cmk_key})
		with input.related as []
	count(aws_rest_kinesis_cmk.deny) == 1 with input.resource as object.union(rest_cmk_res("aws_kinesis_stream", {"stream_encryption": {"encryption_type": "KMS", "key_id": "alias/aws/kinesis"}}), {"format": "cloudformation"})
		with input.related as []
	count(aws_rest_kinesis_cmk.deny) == 0 with input.resource as object.union(rest_cmk_res("aws_kinesis_stream", {"stream_encryption": {"encryption_type": "KMS", "key_id": rest_cmk_key}}), {"format": "cloudformation"})
		with input.related as []
}

test_lambda_environment if {
	some result in aws_rest_lambda_environment_cmk.deny with input.resource as rest_cmk_res("aws_lambda_function", {"environment": [{"variables": {"A": "b"}}]})
		with input.related as []
	result.path == ["kms_key_arn"]
	count(aws_rest_lambda_environment_cmk.deny) == 0 with input.resource as rest_cmk_res("aws_lambda_function", {"environment": [{"variables": {"A": "b"}}], "kms_key_arn": rest_cmk_key})
		with input.related as []
	{"not_applicable": true} in aws_rest_lambda_environment_cmk.deny with input.resource as rest_cmk_res("aws_lambda_function", {})
		with input.related as []
}
