# ENC-NEPTUNE-004: Neptune cluster snapshots are encrypted with a customer-managed KMS key (their cluster's).
package iacgate.rules.encryption.aws_rest_neptune_snapshot_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_rest
import rego.v1

clusters := lib.referenced("aws_neptune_cluster")

deny contains lib.undetermined(["db_cluster_identifier"], msg) if {
	count(clusters) == 0
	msg := concat("", [
		"Neptune cluster snapshot may not be encrypted with a customer-managed KMS key: it has the key of its",
		" cluster (db_cluster_identifier is ", lib.attr_text("db_cluster_identifier"),
		"), which is not in the scanned configuration",
	])
}

# The cluster's key as the snapshot sees it: "unset", "aws-managed", "undetermined" or "customer". An
# unencrypted cluster has no key at all. A key unknown until apply is customer-managed when the cluster
# refers to a KMS key resource of the configuration through kms_key_arn (two hops: its refers_to).
cluster_class(cluster) := "inherited" if {
	# Restored from a snapshot or replicating another cluster without kms_key_arn: the source's key (and,
	# without storage_encrypted = true, its encryption), which the configuration does not show.
	not lib.is_unknown(object.get(cluster.attributes, "storage_encrypted", null))
	not lib.is_set(object.get(cluster.attributes, "kms_key_arn", null))
	count(inherits_from(cluster)) > 0
} else := "unencrypted" if {
	value := object.get(cluster.attributes, "storage_encrypted", null)
	not lib.is_unknown(value)
	not lib.is_true(value)
} else := "undetermined" if {
	lib.is_unknown(object.get(cluster.attributes, "storage_encrypted", null))
} else := aws.kms_neighbour_key_class(cluster.id, "kms_key_arn", object.get(cluster.attributes, "kms_key_arn", null))

# The arguments that create the cluster from another cluster or a snapshot.
inherits_from(cluster) := [name |
	some name in aws_rest.rest_rds_storage_sources("aws_neptune_cluster")
	lib.is_set(object.get(cluster.attributes, name, null))
]

deny contains lib.undetermined(["db_cluster_identifier"], msg) if {
	some cluster in clusters
	cluster_class(cluster) == "inherited"
	msg := concat("", [
		"Neptune cluster snapshot may not be encrypted with a customer-managed KMS key: its cluster ", cluster.id,
		" is created from another cluster or snapshot (", concat(", ", inherits_from(cluster)),
		") without kms_key_arn and keeps that source's key, which the scanned configuration does not show",
	])
}

deny contains lib.decided_violation(["db_cluster_identifier"], msg) if {
	some cluster in clusters
	cluster_class(cluster) in {"unencrypted", "unset", "aws-managed"}
	msg := concat("", [
		"Neptune cluster snapshot is not encrypted with a customer-managed KMS key: its cluster ", cluster.id,
		" has storage_encrypted ", lib.show(object.get(cluster.attributes, "storage_encrypted", null)),
		" and kms_key_arn ", lib.show(object.get(cluster.attributes, "kms_key_arn", null)),
		", required a customer-managed key",
	])
}

deny contains lib.undetermined(["db_cluster_identifier"], msg) if {
	some cluster in clusters
	cluster_class(cluster) == "undetermined"
	msg := concat("", [
		"Neptune cluster snapshot may not be encrypted with a customer-managed KMS key: the key of its cluster ",
		cluster.id, " is unknown until apply and refers to no KMS key resource of the configuration, is read from a",
		" KMS data source or is chosen by a condition",
	])
}
