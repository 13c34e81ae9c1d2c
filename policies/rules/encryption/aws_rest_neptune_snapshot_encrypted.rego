# ENC-NEPTUNE-003: Neptune cluster snapshots are encrypted (a snapshot has its cluster's encryption).
package iacgate.rules.encryption.aws_rest_neptune_snapshot_encrypted

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

clusters := lib.referenced("aws_neptune_cluster")

# A cluster restored from a snapshot or replicating another cluster without storage_encrypted = true takes
# the encryption of that source (RestoreDBClusterFromSnapshot: encrypted when the snapshot is; a snapshot
# of an encrypted cluster cannot be restored unencrypted), which the configuration does not show.
inherits_from(cluster) := [name |
	some name in aws_rest.rest_rds_storage_sources("aws_neptune_cluster")
	lib.is_set(object.get(cluster.attributes, name, null))
]

inherits(cluster) if {
	not lib.is_true(object.get(cluster.attributes, "storage_encrypted", null))
	count(inherits_from(cluster)) > 0
}

# The snapshot takes its encryption from the cluster it is taken of: a cluster outside the configuration
# (a literal identifier, a variable) does not show it.
deny contains lib.undetermined(["db_cluster_identifier"], msg) if {
	count(clusters) == 0
	msg := concat("", [
		"Neptune cluster snapshot may not be encrypted: it has the encryption of its cluster (db_cluster_identifier is ",
		lib.attr_text("db_cluster_identifier"), "), which is not in the scanned configuration",
	])
}

deny contains lib.decided_violation(["db_cluster_identifier"], msg) if {
	some cluster in clusters
	value := object.get(cluster.attributes, "storage_encrypted", null)
	not lib.is_unknown(value)
	not lib.is_true(value)
	not inherits(cluster)
	msg := concat("", [
		"Neptune cluster snapshot is not encrypted: its cluster ", cluster.id, " has storage_encrypted ",
		lib.show(value), ", required true",
	])
}

deny contains lib.undetermined(["db_cluster_identifier"], msg) if {
	some cluster in clusters
	lib.is_unknown(object.get(cluster.attributes, "storage_encrypted", null))
	msg := concat("", ["Neptune cluster snapshot may not be encrypted: storage_encrypted of its cluster ", cluster.id, " is unknown until apply"])
}

deny contains lib.undetermined(["db_cluster_identifier"], msg) if {
	some cluster in clusters
	not lib.is_unknown(object.get(cluster.attributes, "storage_encrypted", null))
	inherits(cluster)
	msg := concat("", [
		"Neptune cluster snapshot may not be encrypted: its cluster ", cluster.id, " is created from another cluster or",
		" snapshot (", concat(", ", inherits_from(cluster)), ") without storage_encrypted = true and takes its",
		" encryption from there, which the scanned configuration does not show",
	])
}
