# Unit tests of ENC-SAGEMAKER-004, ENC-SAGEMAKER-005, ENC-APPFLOW-001 and ENC-CONNECT-001.
package iacgate.rules.encryption.aws_rest_flows_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_appflow_cmk
import data.iacgate.rules.encryption.aws_rest_connect_storage_cmk
import data.iacgate.rules.encryption.aws_rest_sagemaker_data_quality_cmk
import data.iacgate.rules.encryption.aws_rest_sagemaker_flow_definition_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

flows_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_sagemaker_flow_and_data_quality if {
	subject := testing.resource("aws_sagemaker_flow_definition", {"output_config": [{"s3_output_path": "s3://b/"}]})
	count(aws_rest_sagemaker_flow_definition_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_sagemaker_flow_definition", {"output_config": [{"s3_output_path": "s3://b/", "kms_key_id": flows_key}]})
	count(aws_rest_sagemaker_flow_definition_cmk.deny) == 0 with input.resource as subject2
	subject3 := testing.resource("aws_sagemaker_data_quality_job_definition", {})
	count(aws_rest_sagemaker_data_quality_cmk.deny) == 2 with input.resource as subject3
	subject4 := testing.resource("aws_sagemaker_data_quality_job_definition", {"data_quality_job_output_config": [{"kms_key_id": flows_key}], "job_resources": [{"cluster_config": [{"instance_count": 1}]}]})
	some volume in aws_rest_sagemaker_data_quality_cmk.deny with input.resource as subject4
	volume.path == ["job_resources", 0, "cluster_config", 0, "volume_kms_key_id"]
}

test_appflow if {
	subject := testing.resource("aws_appflow_flow", {"kms_arn": "alias/aws/appflow"})
	count(aws_rest_appflow_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_appflow_flow", {"kms_arn": flows_key})
	count(aws_rest_appflow_cmk.deny) == 0 with input.resource as subject2
}

flows_storage(target) := testing.resource("aws_connect_instance_storage_config", {"storage_config": [object.union({"storage_type": "S3"}, target)]})

test_connect_storage if {
	subject := flows_storage({"kinesis_stream_config": [{"stream_arn": "arn"}]})
	some skipped in aws_rest_connect_storage_cmk.deny with input.resource as subject
	skipped.not_applicable
	subject2 := flows_storage({"s3_config": [{"bucket_name": "b"}]})
	some missing in aws_rest_connect_storage_cmk.deny with input.resource as subject2
	missing.path == ["storage_config", 0, "s3_config", 0, "encryption_config"]
	subject3 := flows_storage({"s3_config": [{"bucket_name": "b", "encryption_config": [{"encryption_type": "KMS", "key_id": flows_key}]}]})
	count(aws_rest_connect_storage_cmk.deny) == 0 with input.resource as subject3
	subject4 := flows_storage({"s3_config": [{"bucket_name": "b", "encryption_config": testing.unknown}]})
	some unknown in aws_rest_connect_storage_cmk.deny with input.resource as subject4
	unknown.status == "undetermined"
}
