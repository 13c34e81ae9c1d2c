# Unit tests of ENC-RDS-011 and ENC-RDS-012: RDS DB and cluster snapshots judged through their source.
# The snapshots are built by functions: `with input.resource as <a rule of this package>` is silently
# undefined under regopy 1.5.2 (so every finding came back undefined, and the passes passed vacuously).
package iacgate.rules.encryption.aws_rest_rds_snapshot_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_rds_snapshot_cmk
import data.iacgate.rules.encryption.aws_rest_rds_snapshot_encrypted
import rego.v1

rds_snapshot_key := "arn:aws:kms:eu-central-1:482913057716:key/6d1c9e2a-3b4f-4a8e-9c7d-2e5f1a0b8c93"

rds_instance(attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "db_instance_identifier",
	"resource": object.union(testing.resource("aws_db_instance", attributes), {"id": "aws_db_instance.neighbour"}),
}

rds_cluster(attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "db_cluster_identifier",
	"resource": object.union(testing.resource("aws_rds_cluster", attributes), {"id": "aws_rds_cluster.neighbour"}),
}

rds_db_snapshot(identifier) := testing.resource("aws_db_snapshot", {"db_instance_identifier": identifier})

rds_cluster_snapshot(identifier) := testing.resource("aws_db_cluster_snapshot", {"db_cluster_identifier": identifier})

test_rds_snapshot_enc_instance_encrypted_passes if {
	count(aws_rest_rds_snapshot_encrypted.deny) == 0 with input.resource as rds_db_snapshot(testing.unknown)
		with input.related as [rds_instance({"storage_encrypted": true})]
}

test_rds_snapshot_enc_instance_outside_undetermined if {
	some outside in aws_rest_rds_snapshot_encrypted.deny with input.resource as testing.resource("aws_db_snapshot", {"db_instance_identifier": "shared"})
		with input.related as []
	outside.status == "undetermined"
}

test_rds_snapshot_enc_serverless_cluster_passes if {
	count(aws_rest_rds_snapshot_encrypted.deny) == 0 with input.resource as rds_cluster_snapshot(testing.unknown)
		with input.related as [rds_cluster({"engine_mode": "serverless"})]
}

test_rds_snapshot_cmk_instance_cmk_passes if {
	count(aws_rest_rds_snapshot_cmk.deny) == 0 with input.resource as rds_db_snapshot(testing.unknown)
		with input.related as [rds_instance({"storage_encrypted": true, "kms_key_id": rds_snapshot_key})]
}

test_rds_snapshot_cmk_cluster_cmk_passes if {
	count(aws_rest_rds_snapshot_cmk.deny) == 0 with input.resource as rds_cluster_snapshot(testing.unknown)
		with input.related as [rds_cluster({"storage_encrypted": true, "kms_key_id": rds_snapshot_key})]
}

test_rds_snapshot_cmk_cluster_outside_undetermined if {
	some outside in aws_rest_rds_snapshot_cmk.deny with input.resource as testing.resource("aws_db_cluster_snapshot", {"db_cluster_identifier": "shared"})
		with input.related as []
	outside.status == "undetermined"
}

test_rds_snapshot_cmk_instance_default_key_fails if {
	some default_key in aws_rest_rds_snapshot_cmk.deny with input.resource as rds_db_snapshot(testing.unknown)
		with input.related as [rds_instance({"storage_encrypted": true})]
	default_key.decided
}

test_rds_snapshot_enc_instance_unencrypted_fails if {
	some plain in aws_rest_rds_snapshot_encrypted.deny with input.resource as rds_db_snapshot(testing.unknown)
		with input.related as [rds_instance({"storage_encrypted": false})]
	plain.decided
}

test_rds_snapshot_cmk_cluster_unknown_key_undetermined if {
	some later in aws_rest_rds_snapshot_cmk.deny with input.resource as rds_cluster_snapshot(testing.unknown)
		with input.related as [rds_cluster({"storage_encrypted": true, "kms_key_id": testing.unknown})]
	later.status == "undetermined"
}

# Two hops: the cluster's unknown key is a KMS key resource of the configuration (its refers_to).
test_rds_snapshot_cmk_cluster_key_resource_passes if {
	count(aws_rest_rds_snapshot_cmk.deny) == 0 with input.resource as rds_cluster_snapshot(testing.unknown)
		with input.related as [object.union(
			rds_cluster({"storage_encrypted": true, "kms_key_id": testing.unknown}),
			{"refers_to": [{"attribute": "kms_key_id", "type": "aws_kms_key", "mode": "managed", "address": "aws_kms_key.k"}]},
		)]
}
