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

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (these rules and the library read it only through `some entry in input.related`, which an input without
# it answers as an empty list does): regopy 1.5.2 compiles a `with` whose value is written out (a function
# call, even `[]`) several times larger, and each `with` clause over the rules again. This file took
# 13.0 GB that way (past the 4 GB a test file may use: crashed), 2.69 GB with variables, 1.65 GB so.

rest_cmk_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

rest_cmk_res(type_name, attributes) := testing.resource(type_name, attributes)

# A volume from a snapshot without kms_key_id takes the snapshot's key: undetermined, never failed.
test_ebs_volume_from_snapshot_is_undetermined if {
	subject := rest_cmk_res("aws_ebs_volume", {"snapshot_id": "snap-0a1b2c3d4e5f60718"})
	some result in aws_rest_ebs_volume_cmk.deny with input.resource as subject
	result.status == "undetermined"
	result.path == ["kms_key_id"]
}

test_ebs_volume if {
	subject := rest_cmk_res("aws_ebs_volume", {"encrypted": true})
	some result in aws_rest_ebs_volume_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
	contains(result.message, "kms_key_id is not set")
	subject2 := rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": "alias/aws/ebs"})
	count(aws_rest_ebs_volume_cmk.deny) == 1 with input.resource as subject2
	subject3 := rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": rest_cmk_key})
	count(aws_rest_ebs_volume_cmk.deny) == 0 with input.resource as subject3
	subject4 := rest_cmk_res("aws_ebs_volume", {"encrypted": true, "kms_key_id": testing.unknown})
	related := [testing.key_reference("kms_key_id")]
	count(aws_rest_ebs_volume_cmk.deny) == 0 with input.resource as subject4
		with input.related as related
	some undetermined in aws_rest_ebs_volume_cmk.deny with input.resource as subject4
	undetermined.status == "undetermined"
}

test_efs_elasticache_sns_timestream if {
	subject := rest_cmk_res("aws_efs_file_system", {"encrypted": true})
	count(aws_rest_efs_cmk.deny) == 1 with input.resource as subject
	subject2 := rest_cmk_res("aws_efs_file_system", {"kms_key_id": rest_cmk_key})
	count(aws_rest_efs_cmk.deny) == 0 with input.resource as subject2
	subject3 := rest_cmk_res("aws_elasticache_replication_group", {"at_rest_encryption_enabled": true})
	count(aws_rest_elasticache_cmk.deny) == 1 with input.resource as subject3
	subject4 := rest_cmk_res("aws_elasticache_replication_group", {"kms_key_id": rest_cmk_key})
	count(aws_rest_elasticache_cmk.deny) == 0 with input.resource as subject4
	subject5 := rest_cmk_res("aws_sns_topic", {"kms_master_key_id": "alias/aws/sns"})
	count(aws_rest_sns_cmk.deny) == 1 with input.resource as subject5
	subject6 := rest_cmk_res("aws_sns_topic", {"kms_master_key_id": "alias/payments"})
	count(aws_rest_sns_cmk.deny) == 0 with input.resource as subject6
	subject7 := rest_cmk_res("aws_timestreamwrite_database", {})
	count(aws_rest_timestream_cmk.deny) == 1 with input.resource as subject7
	subject8 := rest_cmk_res("aws_timestreamwrite_database", {"kms_key_id": rest_cmk_key})
	count(aws_rest_timestream_cmk.deny) == 0 with input.resource as subject8
}

test_sqs_managed_sse_is_not_a_customer_key if {
	subject := rest_cmk_res("aws_sqs_queue", {"sqs_managed_sse_enabled": true})
	some result in aws_rest_sqs_cmk.deny with input.resource as subject
	result.path == ["kms_master_key_id"]
	subject2 := rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": rest_cmk_key})
	count(aws_rest_sqs_cmk.deny) == 0 with input.resource as subject2
}

# A key chosen by a condition that cannot be evaluated is undetermined even beside a reference to a key of
# the configuration (HCL `var.x ? aws_kms_key.k.arn : "alias/aws/sqs"`, CloudFormation Fn::If).
test_sqs_conditional_key_is_undetermined if {
	subject := rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "conditional whose condition is unknown (variable 'x' has no value)"}})
	related := [testing.key_reference("kms_master_key_id")]
	some hcl in aws_rest_sqs_cmk.deny with input.resource as subject
		with input.related as related
	contains(hcl.message, "is chosen by a condition that cannot be evaluated")
	subject2 := rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "Fn::If on condition Cmk, which cannot be evaluated (parameter UseCmk has no value)"}})
	count(aws_rest_sqs_cmk.deny) == 1 with input.resource as subject2
		with input.related as related
	subject3 := rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": testing.unknown})
	count(aws_rest_sqs_cmk.deny) == 0 with input.resource as subject3
		with input.related as related
}

# Fn::If between two resources of the template, each a KMS key: customer-managed whichever is taken; one of
# them another kind of resource (or a data source): undetermined.
test_sqs_conditional_between_keys_passes if {
	subject := rest_cmk_res("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "Fn::If on condition Cmk, which cannot be evaluated (parameter UseCmk has no value); each branch refers to a resource"}})
	related := [testing.key_reference("kms_master_key_id")]
	count(aws_rest_sqs_cmk.deny) == 0 with input.resource as subject
		with input.related as related
	related2 := [
		testing.key_reference("kms_master_key_id"),
		{"direction": "out", "edge": "reference", "attribute": "kms_master_key_id", "resource": object.union(testing.resource("aws_s3_bucket", {}), {"id": "Bucket"})},
	]
	count(aws_rest_sqs_cmk.deny) == 1 with input.resource as subject
		with input.related as related2
}

test_redshift_serverless_aws_owned_keyword_fails if {
	subject := rest_cmk_res("aws_redshiftserverless_namespace", {"kms_key_id": "AWS_OWNED_KMS_KEY"})
	some result in aws_rest_redshift_serverless_cmk.deny with input.resource as subject
	contains(result.message, "AWS_OWNED_KMS_KEY")
	subject2 := rest_cmk_res("aws_redshiftserverless_namespace", {"kms_key_id": rest_cmk_key})
	count(aws_rest_redshift_serverless_cmk.deny) == 0 with input.resource as subject2
}

test_kinesis if {
	subject := rest_cmk_res("aws_kinesis_stream", {"encryption_type": "NONE"})
	some result in aws_rest_kinesis_cmk.deny with input.resource as subject
	result.path == ["encryption_type"]
	subject2 := rest_cmk_res("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})
	count(aws_rest_kinesis_cmk.deny) == 1 with input.resource as subject2
	subject3 := rest_cmk_res("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": rest_cmk_key})
	count(aws_rest_kinesis_cmk.deny) == 0 with input.resource as subject3
	subject4 := object.union(rest_cmk_res("aws_kinesis_stream", {"stream_encryption": {"encryption_type": "KMS", "key_id": "alias/aws/kinesis"}}), {"format": "cloudformation"})
	count(aws_rest_kinesis_cmk.deny) == 1 with input.resource as subject4
	subject5 := object.union(rest_cmk_res("aws_kinesis_stream", {"stream_encryption": {"encryption_type": "KMS", "key_id": rest_cmk_key}}), {"format": "cloudformation"})
	count(aws_rest_kinesis_cmk.deny) == 0 with input.resource as subject5
}

test_lambda_environment if {
	subject := rest_cmk_res("aws_lambda_function", {"environment": [{"variables": {"A": "b"}}]})
	some result in aws_rest_lambda_environment_cmk.deny with input.resource as subject
	result.path == ["kms_key_arn"]
	subject2 := rest_cmk_res("aws_lambda_function", {"environment": [{"variables": {"A": "b"}}], "kms_key_arn": rest_cmk_key})
	count(aws_rest_lambda_environment_cmk.deny) == 0 with input.resource as subject2
	subject3 := rest_cmk_res("aws_lambda_function", {})
	{"not_applicable": true} in aws_rest_lambda_environment_cmk.deny with input.resource as subject3
}
