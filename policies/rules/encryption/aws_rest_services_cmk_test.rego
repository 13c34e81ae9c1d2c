# Unit tests of ENC-RDS-010, ENC-KENDRA-001, ENC-IMAGEBUILDER-001, ENC-COMPREHEND-001, ENC-ECS-002 and ENC-ECS-003.
package iacgate.rules.encryption.aws_rest_services_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_comprehend_model_cmk
import data.iacgate.rules.encryption.aws_rest_ecs_exec_cmk
import data.iacgate.rules.encryption.aws_rest_ecs_exec_logs_encrypted
import data.iacgate.rules.encryption.aws_rest_imagebuilder_component_cmk
import data.iacgate.rules.encryption.aws_rest_kendra_index_cmk
import data.iacgate.rules.encryption.aws_rest_rds_activity_stream_cmk
import rego.v1

services_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_activity_stream_and_component if {
	count(aws_rest_rds_activity_stream_cmk.deny) == 1 with input.resource as testing.resource("aws_rds_cluster_activity_stream", {"kms_key_id": "alias/aws/rds"})
		with input.related as []
	count(aws_rest_rds_activity_stream_cmk.deny) == 0 with input.resource as testing.resource("aws_rds_cluster_activity_stream", {"kms_key_id": services_key})
		with input.related as []
	count(aws_rest_imagebuilder_component_cmk.deny) == 1 with input.resource as testing.resource("aws_imagebuilder_component", {})
		with input.related as []
	count(aws_rest_imagebuilder_component_cmk.deny) == 0 with input.resource as testing.resource("aws_imagebuilder_component", {"kms_key_id": services_key})
		with input.related as []
}

test_kendra if {
	some missing in aws_rest_kendra_index_cmk.deny with input.resource as testing.resource("aws_kendra_index", {})
		with input.related as []
	missing.path == ["server_side_encryption_configuration"]
	count(aws_rest_kendra_index_cmk.deny) == 0 with input.resource as testing.resource("aws_kendra_index", {"server_side_encryption_configuration": [{"kms_key_id": services_key}]})
		with input.related as []
}

test_comprehend_both_keys if {
	count(aws_rest_comprehend_model_cmk.deny) == 2 with input.resource as testing.resource("aws_comprehend_document_classifier", {})
		with input.related as []
	some volume in aws_rest_comprehend_model_cmk.deny with input.resource as testing.resource("aws_comprehend_entity_recognizer", {"model_kms_key_id": services_key})
		with input.related as []
	volume.path == ["volume_kms_key_id"]
	count(aws_rest_comprehend_model_cmk.deny) == 0 with input.resource as testing.resource("aws_comprehend_entity_recognizer", {"model_kms_key_id": services_key, "volume_kms_key_id": services_key})
		with input.related as []
}

test_ecs_exec if {
	some skipped in aws_rest_ecs_exec_cmk.deny with input.resource as testing.resource("aws_ecs_cluster", {"name": "c"})
		with input.related as []
	skipped.not_applicable
	some missing in aws_rest_ecs_exec_cmk.deny with input.resource as testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"logging": "DEFAULT"}]}]})
		with input.related as []
	missing.path == ["configuration", 0, "execute_command_configuration", 0, "kms_key_id"]
	count(aws_rest_ecs_exec_cmk.deny) == 0 with input.resource as testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"kms_key_id": services_key}]}]})
		with input.related as []
	some unknown in aws_rest_ecs_exec_cmk.deny with input.resource as testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": testing.unknown}]})
		with input.related as []
	unknown.status == "undetermined"
}

services_exec_logs(log_configuration) := testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"logging": "OVERRIDE", "log_configuration": [log_configuration]}]}]})

test_ecs_exec_logs_encrypted if {
	some skipped in aws_rest_ecs_exec_logs_encrypted.deny with input.resource as testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"logging": "DEFAULT"}]}]})
		with input.related as []
	skipped.not_applicable
	some plain in aws_rest_ecs_exec_logs_encrypted.deny with input.resource as services_exec_logs({"cloud_watch_log_group_name": "/ecs/exec"})
		with input.related as []
	plain.path == ["configuration", 0, "execute_command_configuration", 0, "log_configuration", 0, "cloud_watch_encryption_enabled"]
	count(aws_rest_ecs_exec_logs_encrypted.deny) == 0 with input.resource as services_exec_logs({"s3_bucket_name": "b", "s3_bucket_encryption_enabled": true})
		with input.related as []
}

test_comprehend_output if {
	some output in aws_rest_comprehend_model_cmk.deny with input.resource as testing.resource("aws_comprehend_document_classifier", {"model_kms_key_id": services_key, "volume_kms_key_id": services_key, "output_data_config": [{"s3_uri": "s3://b/"}]})
		with input.related as []
	output.path == ["output_data_config", 0, "kms_key_id"]
	count(aws_rest_comprehend_model_cmk.deny) == 0 with input.resource as testing.resource("aws_comprehend_document_classifier", {"model_kms_key_id": services_key, "volume_kms_key_id": services_key, "output_data_config": [{"s3_uri": "s3://b/", "kms_key_id": services_key}]})
		with input.related as []
}
