# Unit tests of ENC-EFS-002 on the replicas EFS replication creates (aws_efs_replication_configuration,
# CloudFormation ReplicationConfiguration.Destinations).
package iacgate.rules.encryption.aws_rest_efs_replica_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_efs_cmk
import rego.v1

rest_replica_key := "arn:aws:kms:eu-central-1:482913057716:key/6d1c9e2a-3b4f-4a8e-9c7d-2e5f1a0b8c93"

rest_replication(destination) := testing.resource("aws_efs_replication_configuration", {"source_file_system_id": "fs-1", "destination": destination})

rest_cfn_file_system(destinations) := object.union(
	testing.resource("aws_efs_file_system", {"kms_key_id": rest_replica_key, "replication_configuration": {"destinations": destinations}}),
	{"format": "cloudformation"},
)

test_replica_without_key_fails if {
	some result in aws_rest_efs_cmk.deny with input.resource as rest_replication([{"region": "eu-central-1"}])
		with input.related as []
	result.path == ["destination", 0, "kms_key_id"]
	not result.status
}

test_replica_with_customer_key_passes if {
	count(aws_rest_efs_cmk.deny) == 0 with input.resource as rest_replication({"region": "eu-central-1", "kms_key_id": rest_replica_key})
		with input.related as []
}

test_replica_to_existing_file_system_is_not_applicable if {
	some result in aws_rest_efs_cmk.deny with input.resource as rest_replication([{"region": "eu-central-1", "file_system_id": "fs-2"}])
		with input.related as []
	object.get(result, "not_applicable", false) == true
}

test_replica_unknown_destination_is_undetermined if {
	some result in aws_rest_efs_cmk.deny with input.resource as rest_replication(testing.unknown)
		with input.related as []
	result.status == "undetermined"
	result.path == ["destination"]
}

test_cloudformation_inline_replica_without_key_fails if {
	some result in aws_rest_efs_cmk.deny with input.resource as rest_cfn_file_system([{"region": "eu-central-1"}])
		with input.related as []
	result.path == ["replication_configuration", "destinations", 0, "kms_key_id"]
	not result.status
}

test_cloudformation_inline_replica_with_key_passes if {
	count(aws_rest_efs_cmk.deny) == 0 with input.resource as rest_cfn_file_system([{"region": "eu-central-1", "kms_key_id": rest_replica_key}])
		with input.related as []
}
