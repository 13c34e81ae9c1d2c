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

# Every test names local variables after `as`: regopy 1.5.2 compiles a `with` whose value is written out
# (a function call, even `[]`) several times larger; this file ran past the 4 GB a test file may use
# (crashed) with them written there, 1.27 GB so.

services_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_activity_stream_and_component if {
	none := []
	subject := testing.resource("aws_rds_cluster_activity_stream", {"kms_key_id": "alias/aws/rds"})
	count(aws_rest_rds_activity_stream_cmk.deny) == 1 with input.resource as subject
		with input.related as none
	subject2 := testing.resource("aws_rds_cluster_activity_stream", {"kms_key_id": services_key})
	count(aws_rest_rds_activity_stream_cmk.deny) == 0 with input.resource as subject2
		with input.related as none
	subject3 := testing.resource("aws_imagebuilder_component", {})
	count(aws_rest_imagebuilder_component_cmk.deny) == 1 with input.resource as subject3
		with input.related as none
	subject4 := testing.resource("aws_imagebuilder_component", {"kms_key_id": services_key})
	count(aws_rest_imagebuilder_component_cmk.deny) == 0 with input.resource as subject4
		with input.related as none
}

test_kendra if {
	none := []
	subject := testing.resource("aws_kendra_index", {})
	some missing in aws_rest_kendra_index_cmk.deny with input.resource as subject
		with input.related as none
	missing.path == ["server_side_encryption_configuration"]
	subject2 := testing.resource("aws_kendra_index", {"server_side_encryption_configuration": [{"kms_key_id": services_key}]})
	count(aws_rest_kendra_index_cmk.deny) == 0 with input.resource as subject2
		with input.related as none
}

test_comprehend_both_keys if {
	none := []
	subject := testing.resource("aws_comprehend_document_classifier", {})
	count(aws_rest_comprehend_model_cmk.deny) == 2 with input.resource as subject
		with input.related as none
	subject2 := testing.resource("aws_comprehend_entity_recognizer", {"model_kms_key_id": services_key})
	some volume in aws_rest_comprehend_model_cmk.deny with input.resource as subject2
		with input.related as none
	volume.path == ["volume_kms_key_id"]
	subject3 := testing.resource("aws_comprehend_entity_recognizer", {"model_kms_key_id": services_key, "volume_kms_key_id": services_key})
	count(aws_rest_comprehend_model_cmk.deny) == 0 with input.resource as subject3
		with input.related as none
}

test_ecs_exec if {
	none := []
	subject := testing.resource("aws_ecs_cluster", {"name": "c"})
	some skipped in aws_rest_ecs_exec_cmk.deny with input.resource as subject
		with input.related as none
	skipped.not_applicable
	subject2 := testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"logging": "DEFAULT"}]}]})
	some missing in aws_rest_ecs_exec_cmk.deny with input.resource as subject2
		with input.related as none
	missing.path == ["configuration", 0, "execute_command_configuration", 0, "kms_key_id"]
	subject3 := testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"kms_key_id": services_key}]}]})
	count(aws_rest_ecs_exec_cmk.deny) == 0 with input.resource as subject3
		with input.related as none
	subject4 := testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": testing.unknown}]})
	some unknown in aws_rest_ecs_exec_cmk.deny with input.resource as subject4
		with input.related as none
	unknown.status == "undetermined"
}

services_exec_logs(log_configuration) := testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"logging": "OVERRIDE", "log_configuration": [log_configuration]}]}]})

test_ecs_exec_logs_encrypted if {
	none := []
	subject := testing.resource("aws_ecs_cluster", {"configuration": [{"execute_command_configuration": [{"logging": "DEFAULT"}]}]})
	some skipped in aws_rest_ecs_exec_logs_encrypted.deny with input.resource as subject
		with input.related as none
	skipped.not_applicable
	subject2 := services_exec_logs({"cloud_watch_log_group_name": "/ecs/exec"})
	some plain in aws_rest_ecs_exec_logs_encrypted.deny with input.resource as subject2
		with input.related as none
	plain.path == ["configuration", 0, "execute_command_configuration", 0, "log_configuration", 0, "cloud_watch_encryption_enabled"]
	subject3 := services_exec_logs({"s3_bucket_name": "b", "s3_bucket_encryption_enabled": true})
	count(aws_rest_ecs_exec_logs_encrypted.deny) == 0 with input.resource as subject3
		with input.related as none
}

test_comprehend_output if {
	none := []
	subject := testing.resource("aws_comprehend_document_classifier", {"model_kms_key_id": services_key, "volume_kms_key_id": services_key, "output_data_config": [{"s3_uri": "s3://b/"}]})
	some output in aws_rest_comprehend_model_cmk.deny with input.resource as subject
		with input.related as none
	output.path == ["output_data_config", 0, "kms_key_id"]
	subject2 := testing.resource("aws_comprehend_document_classifier", {"model_kms_key_id": services_key, "volume_kms_key_id": services_key, "output_data_config": [{"s3_uri": "s3://b/", "kms_key_id": services_key}]})
	count(aws_rest_comprehend_model_cmk.deny) == 0 with input.resource as subject2
		with input.related as none
}
