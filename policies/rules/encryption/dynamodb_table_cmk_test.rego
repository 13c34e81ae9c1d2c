package iacgate.rules.encryption.dynamodb_table_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.dynamodb_table_cmk
import rego.v1

test_customer_managed_key_passes if {
	count(dynamodb_table_cmk.deny) == 0 with input.resource as testing.resource("aws_dynamodb_table", {"server_side_encryption": [{"enabled": true, "kms_key_arn": testing.unknown}]})
		with input.related as [testing.key_reference("server_side_encryption")]
}

test_unknown_key_without_a_key_resource_is_undetermined if {
	some result in dynamodb_table_cmk.deny with input.resource as testing.resource("aws_dynamodb_table", {"server_side_encryption": [{"enabled": true, "kms_key_arn": testing.unknown}]})
		with input.related as []
	result.status == "undetermined"
	count(dynamodb_table_cmk.deny) == 1 with input.resource as testing.resource("aws_dynamodb_table", {"server_side_encryption": [{"enabled": true, "kms_key_arn": testing.unknown}]})
		with input.related as []
}

test_aws_managed_key_fails if {
	some result in dynamodb_table_cmk.deny with input.resource as testing.resource("aws_dynamodb_table", {"server_side_encryption": [{"enabled": true, "kms_key_arn": ""}]})
		with input.related as []
	result.path == ["server_side_encryption", 0]
	contains(result.message, "kms_key_arn is not set")
}

test_computed_block_fails_on_the_table if {
	some result in dynamodb_table_cmk.deny with input.resource as testing.resource("aws_dynamodb_table", {"server_side_encryption": testing.unknown})
		with input.related as []
	result.path == []
}

test_disabled_encryption_fails if {
	count(dynamodb_table_cmk.deny) == 1 with input.resource as testing.resource("aws_dynamodb_table", {"server_side_encryption": [{"enabled": false, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/k"}]})
		with input.related as []
}

cfn_table(specification) := object.union(
	testing.resource("aws_dynamodb_table", {"server_side_encryption": specification}),
	{"format": "cloudformation", "native_type": "AWS::DynamoDB::Table"},
)

test_cloudformation_sse_specification_with_customer_managed_key_passes if {
	count(dynamodb_table_cmk.deny) == 0 with input.resource as cfn_table({"sse_enabled": true, "sse_type": "KMS", "kms_master_key_id": testing.unknown})
		with input.related as [testing.key_reference("server_side_encryption")]
}

test_cloudformation_sse_without_key_fails_naming_the_cloudformation_properties if {
	some result in dynamodb_table_cmk.deny with input.resource as cfn_table({"sse_enabled": true})
		with input.related as []
	result.path == ["server_side_encryption", 0]
	contains(result.message, "SSESpecification.KMSMasterKeyId is not set")
}

test_cloudformation_sse_disabled_fails if {
	count(dynamodb_table_cmk.deny) == 1 with input.resource as cfn_table({"sse_enabled": false, "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/k"})
		with input.related as []
}

global_table(sse) := object.union(
	testing.resource("aws_dynamodb_table", {"server_side_encryption": sse, "replicas": [{"region": "eu-west-1"}]}),
	{"format": "cloudformation", "native_type": "AWS::DynamoDB::GlobalTable"},
)

# A global table has no table-level key (each replica's is ENC-DYNAMODB-002's): SSEEnabled with SSEType KMS
# passes; it failed for KMSMasterKeyId not set.
test_global_table_with_kms_encryption_passes if {
	count(dynamodb_table_cmk.deny) == 0 with input.resource as global_table([{"sse_enabled": true, "sse_type": "KMS"}])
		with input.related as []
}

test_global_table_without_kms_encryption_fails if {
	some result in dynamodb_table_cmk.deny with input.resource as global_table([{"sse_enabled": false}])
		with input.related as []
	result.path == ["server_side_encryption", 0, "sse_enabled"]
	count(dynamodb_table_cmk.deny) == 1 with input.resource as global_table([{"sse_enabled": true}])
		with input.related as []
}
