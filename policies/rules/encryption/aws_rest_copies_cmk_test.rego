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

copies_key := "arn:aws:kms:eu-central-1:482913057716:key/6d1c9e2a-3b4f-4a8e-9c7d-2e5f1a0b8c93"

test_dynamodb_replicas if {
	some skipped in aws_rest_dynamodb_replica_cmk.deny with input.resource as testing.resource("aws_dynamodb_table", {"name": "t"})
		with input.related as []
	skipped.not_applicable
	some missing in aws_rest_dynamodb_replica_cmk.deny with input.resource as testing.resource("aws_dynamodb_table", {"replica": [{"region_name": "eu-central-1", "kms_key_arn": copies_key}, {"region_name": "eu-west-3"}]})
		with input.related as []
	missing.path == ["replica", 1, "kms_key_arn"]
	count(aws_rest_dynamodb_replica_cmk.deny) == 0 with input.resource as testing.resource("aws_dynamodb_table_replica", {"kms_key_arn": copies_key})
		with input.related as []
	count(aws_rest_dynamodb_replica_cmk.deny) == 1 with input.resource as testing.resource("aws_dynamodb_table_replica", {})
		with input.related as []
	some unknown in aws_rest_dynamodb_replica_cmk.deny with input.resource as testing.resource("aws_dynamodb_table", {"replica": testing.unknown})
		with input.related as []
	unknown.status == "undetermined"
}

copies_policy(rule) := testing.resource("aws_dlm_lifecycle_policy", {"policy_details": [{"schedule": [{"name": "daily", "cross_region_copy_rule": [rule]}]}]})

test_dlm_levels if {
	some skipped in aws_rest_dlm_copy_encrypted.deny with input.resource as testing.resource("aws_dlm_lifecycle_policy", {"policy_details": [{"schedule": [{"name": "daily"}]}]})
		with input.related as []
	skipped.not_applicable
	some plain in aws_rest_dlm_copy_encrypted.deny with input.resource as copies_policy({"target": "eu-central-1", "encrypted": false})
		with input.related as []
	plain.path == ["policy_details", 0, "schedule", 0, "cross_region_copy_rule", 0, "encrypted"]
	count(aws_rest_dlm_copy_encrypted.deny) == 0 with input.resource as copies_policy({"target": "eu-central-1", "encrypted": true})
		with input.related as []
	some default_key in aws_rest_dlm_copy_cmk.deny with input.resource as copies_policy({"target": "eu-central-1", "encrypted": true})
		with input.related as []
	default_key.path == ["policy_details", 0, "schedule", 0, "cross_region_copy_rule", 0, "cmk_arn"]
	count(aws_rest_dlm_copy_cmk.deny) == 0 with input.resource as copies_policy({"target": "eu-central-1", "encrypted": true, "cmk_arn": copies_key})
		with input.related as []
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
	count(aws_rest_neptune_snapshot_cmk.deny) == 0 with input.resource as testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": testing.unknown})
		with input.related as [copies_cluster_key("managed")]
	some data_key in aws_rest_neptune_snapshot_cmk.deny with input.resource as testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": testing.unknown})
		with input.related as [copies_cluster_key("data")]
	data_key.status == "undetermined"
	some no_key in aws_rest_neptune_snapshot_cmk.deny with input.resource as testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": testing.unknown})
		with input.related as [copies_cluster({"storage_encrypted": true, "kms_key_arn": testing.unknown})]
	no_key.status == "undetermined"
}

test_neptune_snapshot_levels if {
	count(aws_rest_neptune_snapshot_encrypted.deny) == 0 with input.resource as copies_snapshot
		with input.related as [copies_cluster({"storage_encrypted": true})]
	some plain in aws_rest_neptune_snapshot_encrypted.deny with input.resource as copies_snapshot
		with input.related as [copies_cluster({"storage_encrypted": false})]
	plain.decided
	some outside in aws_rest_neptune_snapshot_encrypted.deny with input.resource as testing.resource("aws_neptune_cluster_snapshot", {"db_cluster_identifier": "shared"})
		with input.related as []
	outside.status == "undetermined"
	count(aws_rest_neptune_snapshot_cmk.deny) == 0 with input.resource as copies_snapshot
		with input.related as [copies_cluster({"storage_encrypted": true, "kms_key_arn": copies_key})]
	some default_key in aws_rest_neptune_snapshot_cmk.deny with input.resource as copies_snapshot
		with input.related as [copies_cluster({"storage_encrypted": true})]
	default_key.decided
	some later in aws_rest_neptune_snapshot_cmk.deny with input.resource as copies_snapshot
		with input.related as [copies_cluster({"storage_encrypted": testing.unknown})]
	later.status == "undetermined"
}
