package iacgate.rules.encryption.rds_cluster_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.rds_cluster_encryption
import rego.v1

test_encrypted_cluster_passes if {
	count(rds_cluster_encryption.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine": "aurora-postgresql", "storage_encrypted": true})
		with input.related as []
}

test_serverless_v1_cluster_passes if {
	count(rds_cluster_encryption.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine_mode": "serverless", "storage_encrypted": testing.unknown})
		with input.related as []
}

test_unencrypted_cluster_fails if {
	some result in rds_cluster_encryption.deny with input.resource as testing.resource("aws_rds_cluster", {"engine": "aurora-mysql", "storage_encrypted": false})
		with input.related as []
	result.path == ["storage_encrypted"]
}

test_computed_setting_is_reported_on_its_path if {
	some result in rds_cluster_encryption.deny with input.resource as testing.resource("aws_rds_cluster", {"engine_mode": "provisioned", "storage_encrypted": testing.unknown})
		with input.related as []
	contains(result.message, "unknown until apply")
}

rds_cluster_source(attribute, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(testing.resource("aws_rds_cluster", attributes), {"id": "aws_rds_cluster.primary"}),
}

rds_restored_cluster(attributes) := testing.resource("aws_rds_cluster", object.union({"engine": "aurora-mysql"}, attributes))

# CloudFormation: "If you specify the SnapshotIdentifier ..., don't specify this property".
test_cluster_restored_from_a_snapshot_is_undetermined if {
	some result in rds_cluster_encryption.deny with input.resource as rds_restored_cluster({"snapshot_identifier": "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:ledger"})
		with input.related as []
	result.status == "undetermined"
	result.path == ["snapshot_identifier"]
}

test_cluster_restored_from_a_snapshot_with_encryption_on_passes if {
	count(rds_cluster_encryption.deny) == 0 with input.resource as rds_restored_cluster({"snapshot_identifier": "ledger", "storage_encrypted": true})
		with input.related as []
}

test_replica_cluster_of_an_encrypted_cluster_passes if {
	count(rds_cluster_encryption.deny) == 0 with input.resource as rds_restored_cluster({"replication_source_identifier": testing.unknown})
		with input.related as [rds_cluster_source("replication_source_identifier", {"storage_encrypted": true})]
}

test_replica_cluster_of_an_unencrypted_cluster_fails if {
	some result in rds_cluster_encryption.deny with input.resource as rds_restored_cluster({"replication_source_identifier": testing.unknown})
		with input.related as [rds_cluster_source("replication_source_identifier", {"storage_encrypted": false})]
	result.decided
	result.path == ["replication_source_identifier"]
}

# A secondary cluster of a global cluster states its own encryption: AWS refuses an unencrypted secondary
# of an encrypted global cluster.
test_global_secondary_without_encryption_fails if {
	some result in rds_cluster_encryption.deny with input.resource as rds_restored_cluster({"global_cluster_identifier": "ledger-global"})
		with input.related as []
	not result.status
	result.path == ["storage_encrypted"]
}
