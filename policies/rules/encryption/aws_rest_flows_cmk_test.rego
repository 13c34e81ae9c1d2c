# Unit tests of ENC-SAGEMAKER-004, ENC-SAGEMAKER-005, ENC-APPFLOW-001 and ENC-CONNECT-001.
package iacgate.rules.encryption.aws_rest_flows_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_appflow_cmk
import data.iacgate.rules.encryption.aws_rest_connect_storage_cmk
import data.iacgate.rules.encryption.aws_rest_sagemaker_data_quality_cmk
import data.iacgate.rules.encryption.aws_rest_sagemaker_flow_definition_cmk
import rego.v1

flows_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_sagemaker_flow_and_data_quality if {
	count(aws_rest_sagemaker_flow_definition_cmk.deny) == 1 with input.resource as testing.resource("aws_sagemaker_flow_definition", {"output_config": [{"s3_output_path": "s3://b/"}]})
		with input.related as []
	count(aws_rest_sagemaker_flow_definition_cmk.deny) == 0 with input.resource as testing.resource("aws_sagemaker_flow_definition", {"output_config": [{"s3_output_path": "s3://b/", "kms_key_id": flows_key}]})
		with input.related as []
	count(aws_rest_sagemaker_data_quality_cmk.deny) == 2 with input.resource as testing.resource("aws_sagemaker_data_quality_job_definition", {})
		with input.related as []
	some volume in aws_rest_sagemaker_data_quality_cmk.deny with input.resource as testing.resource("aws_sagemaker_data_quality_job_definition", {"data_quality_job_output_config": [{"kms_key_id": flows_key}], "job_resources": [{"cluster_config": [{"instance_count": 1}]}]})
		with input.related as []
	volume.path == ["job_resources", 0, "cluster_config", 0, "volume_kms_key_id"]
}

test_appflow if {
	count(aws_rest_appflow_cmk.deny) == 1 with input.resource as testing.resource("aws_appflow_flow", {"kms_arn": "alias/aws/appflow"})
		with input.related as []
	count(aws_rest_appflow_cmk.deny) == 0 with input.resource as testing.resource("aws_appflow_flow", {"kms_arn": flows_key})
		with input.related as []
}

flows_storage(target) := testing.resource("aws_connect_instance_storage_config", {"storage_config": [object.union({"storage_type": "S3"}, target)]})

test_connect_storage if {
	some skipped in aws_rest_connect_storage_cmk.deny with input.resource as flows_storage({"kinesis_stream_config": [{"stream_arn": "arn"}]})
		with input.related as []
	skipped.not_applicable
	some missing in aws_rest_connect_storage_cmk.deny with input.resource as flows_storage({"s3_config": [{"bucket_name": "b"}]})
		with input.related as []
	missing.path == ["storage_config", 0, "s3_config", 0, "encryption_config"]
	count(aws_rest_connect_storage_cmk.deny) == 0 with input.resource as flows_storage({"s3_config": [{"bucket_name": "b", "encryption_config": [{"encryption_type": "KMS", "key_id": flows_key}]}]})
		with input.related as []
	some unknown in aws_rest_connect_storage_cmk.deny with input.resource as flows_storage({"s3_config": [{"bucket_name": "b", "encryption_config": testing.unknown}]})
		with input.related as []
	unknown.status == "undetermined"
}
