# Unit tests of the snapshot rules (ENC-RDS-012, ENC-NEPTUNE-003, ENC-NEPTUNE-004) on snapshots of
# databases created from another database: a replica or a restore has its source's encryption and key.
package iacgate.rules.encryption.aws_rest_db_snapshot_sources_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_neptune_snapshot_cmk
import data.iacgate.rules.encryption.aws_rest_neptune_snapshot_encrypted
import data.iacgate.rules.encryption.aws_rest_rds_snapshot_cmk
import rego.v1

snapshot_sources_neighbour(type_name, attribute, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(testing.resource(type_name, attributes), {"id": concat(".", [type_name, "neighbour"])}),
}

# Functions, not rules: `with input.resource as <a rule>` is silently undefined under regopy 1.5.2.
snapshot_sources_snapshot(type_name, attribute) := testing.resource(type_name, {attribute: testing.unknown})

test_rds_snapshot_cmk_encrypted_replica_without_key_is_undetermined if {
	some result in aws_rest_rds_snapshot_cmk.deny with input.resource as snapshot_sources_snapshot("aws_db_snapshot", "db_instance_identifier")
		with input.related as [snapshot_sources_neighbour("aws_db_instance", "db_instance_identifier", {"storage_encrypted": true, "replicate_source_db": "ledger-primary"})]
	result.status == "undetermined"
	contains(result.message, "replicate_source_db")
}

test_rds_snapshot_cmk_encrypted_restore_without_key_is_undetermined if {
	some result in aws_rest_rds_snapshot_cmk.deny with input.resource as snapshot_sources_snapshot("aws_db_cluster_snapshot", "db_cluster_identifier")
		with input.related as [snapshot_sources_neighbour("aws_rds_cluster", "db_cluster_identifier", {"storage_encrypted": true, "snapshot_identifier": "ledger-final"})]
	result.status == "undetermined"
}

test_rds_snapshot_cmk_encrypted_restore_with_aws_managed_key_fails if {
	some result in aws_rest_rds_snapshot_cmk.deny with input.resource as snapshot_sources_snapshot("aws_db_cluster_snapshot", "db_cluster_identifier")
		with input.related as [snapshot_sources_neighbour("aws_rds_cluster", "db_cluster_identifier", {"storage_encrypted": true, "snapshot_identifier": "ledger-final", "kms_key_id": "alias/aws/rds"})]
	not result.status == "undetermined"
}

test_neptune_snapshot_encrypted_restored_cluster_is_undetermined if {
	some result in aws_rest_neptune_snapshot_encrypted.deny with input.resource as snapshot_sources_snapshot("aws_neptune_cluster_snapshot", "db_cluster_identifier")
		with input.related as [snapshot_sources_neighbour("aws_neptune_cluster", "db_cluster_identifier", {"snapshot_identifier": "graph-final"})]
	result.status == "undetermined"
	contains(result.message, "snapshot_identifier")
}

test_neptune_snapshot_encrypted_unencrypted_cluster_still_fails if {
	some result in aws_rest_neptune_snapshot_encrypted.deny with input.resource as snapshot_sources_snapshot("aws_neptune_cluster_snapshot", "db_cluster_identifier")
		with input.related as [snapshot_sources_neighbour("aws_neptune_cluster", "db_cluster_identifier", {"storage_encrypted": false})]
	not result.status == "undetermined"
}

test_neptune_snapshot_cmk_restored_cluster_without_key_is_undetermined if {
	some result in aws_rest_neptune_snapshot_cmk.deny with input.resource as snapshot_sources_snapshot("aws_neptune_cluster_snapshot", "db_cluster_identifier")
		with input.related as [snapshot_sources_neighbour("aws_neptune_cluster", "db_cluster_identifier", {"storage_encrypted": true, "replication_source_identifier": "arn:aws:rds:eu-central-1:482913057716:cluster:graph"})]
	result.status == "undetermined"
}
