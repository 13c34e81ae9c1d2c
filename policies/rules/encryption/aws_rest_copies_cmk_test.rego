# Unit tests of ENC-DYNAMODB-002, ENC-DLM-001, ENC-DLM-002, ENC-NEPTUNE-003 and ENC-NEPTUNE-004: replicas,
# cross-region copies and snapshots.
package iacgate.rules.encryption.aws_rest_copies_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_dlm_copy_cmk
import data.iacgate.rules.encryption.aws_rest_dlm_copy_encrypted
import data.iacgate.rules.encryption.aws_rest_dynamodb_replica_cmk
import data.iacgate.rules.encryption.aws_rest_neptune_snapshot_cmk
import data.iacgate.rules.encryption.aws_rest_neptune_snapshot_encrypted
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

copies_key := "arn:aws:kms:eu-central-1:482913057716:key/6d1c9e2a-3b4f-4a8e-9c7d-2e5f1a0b8c93"

test_dynamodb_replicas if {
	subject := testing.resource("aws_dynamodb_table", {"name": "t"})
	some skipped in aws_rest_dynamodb_replica_cmk.deny with input.resource as subject
	skipped.not_applicable
	subject2 := testing.resource("aws_dynamodb_table", {"replica": [{"region_name": "eu-central-1", "kms_key_arn": copies_key}, {"region_name": "eu-west-3"}]})
	some missing in aws_rest_dynamodb_replica_cmk.deny with input.resource as subject2
	missing.path == ["replica", 1, "kms_key_arn"]
	subject3 := testing.resource("aws_dynamodb_table_replica", {"kms_key_arn": copies_key})
	count(aws_rest_dynamodb_replica_cmk.deny) == 0 with input.resource as subject3
	subject4 := testing.resource("aws_dynamodb_table_replica", {})
	count(aws_rest_dynamodb_replica_cmk.deny) == 1 with input.resource as subject4
	subject5 := testing.resource("aws_dynamodb_table", {"replica": testing.unknown})
	some unknown in aws_rest_dynamodb_replica_cmk.deny with input.resource as subject5
	unknown.status == "undetermined"
}

copies_policy(rule) := testing.resource("aws_dlm_lifecycle_policy", {"policy_details": [{"schedule": [{"name": "daily", "cross_region_copy_rule": [rule]}]}]})

test_dlm_levels if {
	subject := testing.resource("aws_dlm_lifecycle_policy", {"policy_details": [{"schedule": [{"name": "daily"}]}]})
	some skipped in aws_rest_dlm_copy_encrypted.deny with input.resource as subject
	skipped.not_applicable
	subject2 := copies_policy({"target": "eu-central-1", "encrypted": false})
	some plain in aws_rest_dlm_copy_encrypted.deny with input.resource as subject2
	plain.path == ["policy_details", 0, "schedule", 0, "cross_region_copy_rule", 0, "encrypted"]
	subject3 := copies_policy({"target": "eu-central-1", "encrypted": true})
	count(aws_rest_dlm_copy_encrypted.deny) == 0 with input.resource as subject3
	some default_key in aws_rest_dlm_copy_cmk.deny with input.resource as subject3
	default_key.path == ["policy_details", 0, "schedule", 0, "cross_region_copy_rule", 0, "cmk_arn"]
	subject4 := copies_policy({"target": "eu-central-1", "encrypted": true, "cmk_arn": copies_key})
	count(aws_rest_dlm_copy_cmk.deny) == 0 with input.resource as subject4
}

copies_cluster(attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "db_cluster_identifier",
	"resource": object.union(testing.resource("aws_neptune_cluster", attributes), {"id": "aws_neptune_cluster.neighbour"}),
}

copies_snapshot := testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": testing.unknown})

# Two hops: the cluster's key is unknown until apply; it is customer-managed when the cluster refers to a KMS
# key resource of the configuration through kms_key_arn (its refers_to), undetermined through a data source.
copies_cluster_key(mode) := object.union(
	copies_cluster({"storage_encrypted": true, "kms_key_arn": testing.unknown}),
	{"refers_to": [{"attribute": "kms_key_arn", "type": "aws_kms_key", "mode": mode, "address": "aws_kms_key.k"}]},
)

test_neptune_snapshot_cluster_key_resource_passes if {
	subject := testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": testing.unknown})
	related := [copies_cluster_key("managed")]
	count(aws_rest_neptune_snapshot_cmk.deny) == 0 with input.resource as subject
		with input.related as related
	related2 := [copies_cluster_key("data")]
	some data_key in aws_rest_neptune_snapshot_cmk.deny with input.resource as subject
		with input.related as related2
	data_key.status == "undetermined"
	related3 := [copies_cluster({"storage_encrypted": true, "kms_key_arn": testing.unknown})]
	some no_key in aws_rest_neptune_snapshot_cmk.deny with input.resource as subject
		with input.related as related3
	no_key.status == "undetermined"
}

test_neptune_snapshot_levels if {
	related := [copies_cluster({"storage_encrypted": true})]
	count(aws_rest_neptune_snapshot_encrypted.deny) == 0 with input.resource as copies_snapshot
		with input.related as related
	related2 := [copies_cluster({"storage_encrypted": false})]
	some plain in aws_rest_neptune_snapshot_encrypted.deny with input.resource as copies_snapshot
		with input.related as related2
	plain.decided
	subject := testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": "shared"})
	some outside in aws_rest_neptune_snapshot_encrypted.deny with input.resource as subject
	outside.status == "undetermined"
	related3 := [copies_cluster({"storage_encrypted": true, "kms_key_arn": copies_key})]
	count(aws_rest_neptune_snapshot_cmk.deny) == 0 with input.resource as copies_snapshot
		with input.related as related3
	some default_key in aws_rest_neptune_snapshot_cmk.deny with input.resource as copies_snapshot
		with input.related as related
	default_key.decided
	related4 := [copies_cluster({"storage_encrypted": testing.unknown})]
	some later in aws_rest_neptune_snapshot_cmk.deny with input.resource as copies_snapshot
		with input.related as related4
	later.status == "undetermined"
}
