# Unit tests of ENC-OPENSEARCH-004, ENC-FIREHOSE-002, ENC-FSX-001, ENC-MEMORYDB-011 and ENC-CLOUDTRAIL-011.
package iacgate.rules.encryption.aws_rest_cmk_more_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_cloudtrail_event_data_store_cmk
import data.iacgate.rules.encryption.aws_rest_firehose_cmk
import data.iacgate.rules.encryption.aws_rest_fsx_cmk
import data.iacgate.rules.encryption.aws_rest_memorydb_cmk
import data.iacgate.rules.encryption.aws_rest_opensearch_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

rest_more_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_opensearch_nested_key if {
	subject := testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true}]})
	some result in aws_rest_opensearch_cmk.deny with input.resource as subject
	result.path == ["encrypt_at_rest", 0, "kms_key_id"]
	subject2 := testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": "alias/aws/es"}]})
	count(aws_rest_opensearch_cmk.deny) == 1 with input.resource as subject2
	subject3 := testing.resource("aws_opensearch_domain", {"encrypt_at_rest": {"enabled": true, "kms_key_id": rest_more_key}})
	count(aws_rest_opensearch_cmk.deny) == 0 with input.resource as subject3
	subject4 := testing.resource("aws_elasticsearch_domain", {})
	some missing in aws_rest_opensearch_cmk.deny with input.resource as subject4
	missing.path == ["encrypt_at_rest"]
}

test_firehose_key_type_and_key if {
	subject := testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]})
	some owned in aws_rest_firehose_cmk.deny with input.resource as subject
	owned.path == ["server_side_encryption", 0, "key_type"]
	subject2 := testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": "alias/aws/firehose"}]})
	count(aws_rest_firehose_cmk.deny) == 1 with input.resource as subject2
	subject3 := testing.resource("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true, "key_type": "CUSTOMER_MANAGED_CMK", "key_arn": rest_more_key}]})
	count(aws_rest_firehose_cmk.deny) == 0 with input.resource as subject3
	subject4 := testing.resource("aws_kinesis_firehose_delivery_stream", {"kinesis_source_configuration": [{"kinesis_stream_arn": "arn"}]})
	{"not_applicable": true} in aws_rest_firehose_cmk.deny with input.resource as subject4
}

test_fsx_memorydb_event_data_store if {
	subject := testing.resource("aws_fsx_windows_file_system", {})
	count(aws_rest_fsx_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_fsx_ontap_file_system", {"kms_key_id": rest_more_key})
	count(aws_rest_fsx_cmk.deny) == 0 with input.resource as subject2
	subject3 := testing.resource("aws_memorydb_snapshot", {"kms_key_arn": "alias/aws/memorydb"})
	count(aws_rest_memorydb_cmk.deny) == 1 with input.resource as subject3
	subject4 := testing.resource("aws_memorydb_cluster", {"kms_key_arn": rest_more_key})
	count(aws_rest_memorydb_cmk.deny) == 0 with input.resource as subject4
	subject5 := testing.resource("aws_cloudtrail_event_data_store", {})
	count(aws_rest_cloudtrail_event_data_store_cmk.deny) == 1 with input.resource as subject5
	subject6 := testing.resource("aws_cloudtrail_event_data_store", {"kms_key_id": rest_more_key})
	count(aws_rest_cloudtrail_event_data_store_cmk.deny) == 0 with input.resource as subject6
}

# FSx for Lustre scratch file systems (SCRATCH_1 by default) take no kms_key_id: the finding names the
# deployment type, which is what must change, not a kms_key_id AWS would refuse.
test_fsx_lustre_scratch_names_the_deployment_type if {
	subject := testing.resource("aws_fsx_lustre_file_system", {"deployment_type": "SCRATCH_2"})
	some result in aws_rest_fsx_cmk.deny with input.resource as subject
	result.path == ["deployment_type"]
	contains(result.message, "deployment_type is SCRATCH_2, whose file systems FSx encrypts with a key it manages")
}

test_fsx_lustre_default_deployment_is_scratch if {
	subject := testing.resource("aws_fsx_lustre_file_system", {})
	some result in aws_rest_fsx_cmk.deny with input.resource as subject
	result.path == ["deployment_type"]
	contains(result.message, "(SCRATCH_1 when not set)")
}

test_fsx_lustre_persistent_without_key_names_the_key if {
	subject := testing.resource("aws_fsx_lustre_file_system", {"deployment_type": "PERSISTENT_2"})
	some result in aws_rest_fsx_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
}

test_fsx_cloudformation_windows_is_not_scratch if {
	subject := object.union(
		testing.resource("aws_fsx_lustre_file_system", {"file_system_type": "WINDOWS"}),
		{"format": "cloudformation"},
	)
	some result in aws_rest_fsx_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
}

test_fsx_cloudformation_lustre_scratch if {
	subject := object.union(
		testing.resource("aws_fsx_lustre_file_system", {"file_system_type": "LUSTRE", "lustre_configuration": {"deployment_type": "SCRATCH_2"}}),
		{"format": "cloudformation"},
	)
	some result in aws_rest_fsx_cmk.deny with input.resource as subject
	result.path == ["lustre_configuration", "deployment_type"]
}
