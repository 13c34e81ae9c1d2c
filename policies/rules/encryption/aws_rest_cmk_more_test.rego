# Unit tests of ENC-OPENSEARCH-004, ENC-FIREHOSE-002, ENC-FSX-001, ENC-MEMORYDB-011 and ENC-CLOUDTRAIL-011.
package iacgate.rules.encryption.aws_rest_cmk_more_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_cloudtrail_event_data_store_cmk
import data.iacgate.rules.encryption.aws_rest_firehose_cmk
import data.iacgate.rules.encryption.aws_rest_fsx_cmk
import data.iacgate.rules.encryption.aws_rest_memorydb_cmk
import data.iacgate.rules.encryption.aws_rest_opensearch_cmk
import rego.v1

rest_more_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_opensearch_nested_key if {
	some result in aws_rest_opensearch_cmk.deny with input.resource as testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true}]})
		with input.related as []
	result.path == ["encrypt_at_rest", 0, "kms_key_id"]
	count(aws_rest_opensearch_cmk.deny) == 1 with input.resource as testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": "alias/aws/es"}]})
		with input.related as []
	count(aws_rest_opensearch_cmk.deny) == 0 with input.resource as testing.resource("aws_opensearch_domain", {"encrypt_at_rest": {"enabled": true, "kms_key_id": rest_more_key}})
		with input.related as []
	some missing in aws_rest_opensearch_cmk.deny with input.resource as testing.resource("aws_elasticsearch_domain", {})
		with input.related as []
	missing.path == ["encrypt_at_rest"]
}

test_firehose_key_type_and_key if {
	some owned in aws_rest_firehose_cmk.deny with input.resource as testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]})
		with input.related as []
	owned.path == ["server_side_encryption", 0, "key_type"]
	count(aws_rest_firehose_cmk.deny) == 1 with input.resource as testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": "alias/aws/firehose"}]})
		with input.related as []
	count(aws_rest_firehose_cmk.deny) == 0 with input.resource as testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": rest_more_key}]})
		with input.related as []
	{"not_applicable": true} in aws_rest_firehose_cmk.deny with input.resource as testing.resource("aws_kinesis_firehose_delivery_stream", {"kinesis_source_configuration": [{"kinesis_stream_arn": "arn"}]})
		with input.related as []
}

test_fsx_memorydb_event_data_store if {
	count(aws_rest_fsx_cmk.deny) == 1 with input.resource as testing.resource("aws_fsx_windows_file_system", {})
		with input.related as []
	count(aws_rest_fsx_cmk.deny) == 0 with input.resource as testing.resource("aws_fsx_ontap_file_system", {"kms_key_id": rest_more_key})
		with input.related as []
	count(aws_rest_memorydb_cmk.deny) == 1 with input.resource as testing.resource("aws_memorydb_snapshot", {"kms_key_arn": "alias/aws/memorydb"})
		with input.related as []
	count(aws_rest_memorydb_cmk.deny) == 0 with input.resource as testing.resource("aws_memorydb_cluster", {"kms_key_arn": rest_more_key})
		with input.related as []
	count(aws_rest_cloudtrail_event_data_store_cmk.deny) == 1 with input.resource as testing.resource("aws_cloudtrail_event_data_store", {})
		with input.related as []
	count(aws_rest_cloudtrail_event_data_store_cmk.deny) == 0 with input.resource as testing.resource("aws_cloudtrail_event_data_store", {"kms_key_id": rest_more_key})
		with input.related as []
}

# FSx for Lustre scratch file systems (SCRATCH_1 by default) take no kms_key_id: the finding names the
# deployment type, which is what must change, not a kms_key_id AWS would refuse.
test_fsx_lustre_scratch_names_the_deployment_type if {
	some result in aws_rest_fsx_cmk.deny with input.resource as testing.resource("aws_fsx_lustre_file_system", {"deployment_type": "SCRATCH_2"})
		with input.related as []
	result.path == ["deployment_type"]
	contains(result.message, "deployment_type is SCRATCH_2, whose file systems FSx encrypts with a key it manages")
}

test_fsx_lustre_default_deployment_is_scratch if {
	some result in aws_rest_fsx_cmk.deny with input.resource as testing.resource("aws_fsx_lustre_file_system", {})
		with input.related as []
	result.path == ["deployment_type"]
	contains(result.message, "(SCRATCH_1 when not set)")
}

test_fsx_lustre_persistent_without_key_names_the_key if {
	some result in aws_rest_fsx_cmk.deny with input.resource as testing.resource("aws_fsx_lustre_file_system", {"deployment_type": "PERSISTENT_2"})
		with input.related as []
	result.path == ["kms_key_id"]
}

test_fsx_cloudformation_windows_is_not_scratch if {
	some result in aws_rest_fsx_cmk.deny with input.resource as object.union(
		testing.resource("aws_fsx_lustre_file_system", {"file_system_type": "WINDOWS"}),
		{"format": "cloudformation"},
	)
		with input.related as []
	result.path == ["kms_key_id"]
}

test_fsx_cloudformation_lustre_scratch if {
	some result in aws_rest_fsx_cmk.deny with input.resource as object.union(
		testing.resource("aws_fsx_lustre_file_system", {"file_system_type": "LUSTRE", "lustre_configuration": {"deployment_type": "SCRATCH_2"}}),
		{"format": "cloudformation"},
	)
		with input.related as []
	result.path == ["lustre_configuration", "deployment_type"]
}
