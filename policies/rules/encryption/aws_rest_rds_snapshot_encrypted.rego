# ENC-RDS-011: RDS DB snapshots and DB cluster snapshots are encrypted (a snapshot has its source's encryption).
package iacgate.rules.encryption.aws_rest_rds_snapshot_encrypted

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

# The source the snapshot is taken of: its type, the argument naming it, and what the messages call it.
snapshot_source := aws_rest.rest_rds_snapshot_source(input.resource.type)



# A source outside the configuration (a literal identifier of another stack, a variable) does not show
# its encryption.
deny contains lib.undetermined([snapshot_source.attribute], msg) if {
	count(lib.referenced(snapshot_source.type)) == 0
	msg := concat("", [
		snapshot_source.subject, " may not be encrypted: it has the encryption of its ", snapshot_source.noun, " (",
		snapshot_source.attribute, " is ", lib.attr_text(snapshot_source.attribute), "), which is not in the scanned configuration",
	])
}

deny contains lib.decided_violation([snapshot_source.attribute], msg) if {
	some db in lib.referenced(snapshot_source.type)
	aws_rest.rest_rds_source_encryption(db) == "unencrypted"
	msg := concat("", [
		snapshot_source.subject, " is not encrypted: its ", snapshot_source.noun, " ", db.id, " has storage_encrypted ",
		lib.show(object.get(db.attributes, "storage_encrypted", null)), ", required true",
	])
}

deny contains lib.undetermined([snapshot_source.attribute], msg) if {
	some db in lib.referenced(snapshot_source.type)
	aws_rest.rest_rds_source_encryption(db) == "undetermined"
	msg := concat("", [
		snapshot_source.subject, " may not be encrypted: its ", snapshot_source.noun, " ", db.id, " ",
		aws_rest.rest_rds_source_undetermined_text(db),
	])
}
