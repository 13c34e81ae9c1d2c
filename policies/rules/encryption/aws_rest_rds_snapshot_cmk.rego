# ENC-RDS-012: RDS DB snapshots and DB cluster snapshots are encrypted with a customer-managed KMS key (their
# source's).
package iacgate.rules.encryption.aws_rest_rds_snapshot_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_rest
import rego.v1

snapshot_source := aws_rest.rest_rds_snapshot_source(input.resource.type)

deny contains lib.undetermined([snapshot_source.attribute], msg) if {
	count(lib.referenced(snapshot_source.type)) == 0
	msg := concat("", [
		snapshot_source.subject, " may not be encrypted with a customer-managed KMS key: it has the key of its ",
		snapshot_source.noun, " (", snapshot_source.attribute, " is ", lib.attr_text(snapshot_source.attribute),
		"), which is not in the scanned configuration",
	])
}

# The source's key as the snapshot sees it: "unencrypted", "undetermined", "unset" (the AWS-managed
# aws/rds), "aws-managed" or "customer". A key unknown until apply is customer-managed when the source
# refers to a KMS key resource of the configuration through kms_key_id (two hops: its refers_to).
key_class(db) := "unencrypted" if {
	aws_rest.rest_rds_source_encryption(db) == "unencrypted"
} else := "undetermined" if {
	aws_rest.rest_rds_source_encryption(db) == "undetermined"
} else := "inherited" if {
	# An encrypted read replica, or a database restored from a snapshot or to a point in time, without
	# kms_key_id keeps the key of its source (CreateDBInstanceReadReplica: "the same KMS key as the primary
	# replica" in its Region; RestoreDBClusterFromSnapshot: "the KMS key that was used to encrypt the DB
	# snapshot"), not aws/rds.
	not lib.is_set(object.get(db.attributes, "kms_key_id", null))
	count(key_sources(db)) > 0
} else := aws.kms_neighbour_key_class(db.id, "kms_key_id", object.get(db.attributes, "kms_key_id", null))

# The arguments that create the source from another database, which it then takes its key from.
key_sources(db) := [name |
	some name in aws_rest.rest_rds_inherits(db.type)
	lib.is_set(object.get(db.attributes, name, null))
]

deny contains lib.decided_violation([snapshot_source.attribute], msg) if {
	some db in lib.referenced(snapshot_source.type)
	key_class(db) in {"unencrypted", "unset", "aws-managed"}
	msg := concat("", [
		snapshot_source.subject, " is not encrypted with a customer-managed KMS key: its ", snapshot_source.noun, " ", db.id,
		" has storage_encrypted ", lib.show(object.get(db.attributes, "storage_encrypted", null)),
		" and kms_key_id ", lib.show(object.get(db.attributes, "kms_key_id", null)),
		", required a customer-managed key",
	])
}

deny contains lib.undetermined([snapshot_source.attribute], msg) if {
	some db in lib.referenced(snapshot_source.type)
	aws_rest.rest_rds_source_encryption(db) == "undetermined"
	msg := concat("", [
		snapshot_source.subject, " may not be encrypted with a customer-managed KMS key: its ", snapshot_source.noun, " ", db.id,
		" ", aws_rest.rest_rds_source_undetermined_text(db),
	])
}

deny contains lib.undetermined([snapshot_source.attribute], msg) if {
	some db in lib.referenced(snapshot_source.type)
	key_class(db) == "inherited"
	msg := concat("", [
		snapshot_source.subject, " may not be encrypted with a customer-managed KMS key: its ", snapshot_source.noun, " ", db.id,
		" is created from another database (", concat(", ", key_sources(db)), ") without kms_key_id and keeps that",
		" source's key, which the scanned configuration does not show",
	])
}

deny contains lib.undetermined([snapshot_source.attribute], msg) if {
	some db in lib.referenced(snapshot_source.type)
	aws_rest.rest_rds_source_encryption(db) == "encrypted"
	key_class(db) == "undetermined"
	msg := concat("", [
		snapshot_source.subject, " may not be encrypted with a customer-managed KMS key: kms_key_id of its ", snapshot_source.noun,
		" ", db.id, " is unknown until apply and refers to no KMS key resource of the configuration, is read from a",
		" KMS data source or is chosen by a condition, and may name an AWS-managed key",
	])
}
