# ENC-RDS-002: Aurora (RDS) clusters encrypt their storage.
package iacgate.rules.encryption.rds_cluster_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

# Aurora Serverless v1 storage is always encrypted, whatever storage_encrypted says.
always_encrypted if lib.attr("engine_mode") == "serverless"

inherited := aws_rest.rest_rds_inherited_encryption

deny contains lib.violation(["storage_encrypted"], msg) if {
	not always_encrypted
	inherited == "none"
	not lib.is_true(lib.attr("storage_encrypted"))
	msg := sprintf("Aurora cluster storage is not encrypted: storage_encrypted is %s, required true", [lib.attr_text("storage_encrypted")])
}

# A cluster restored from a snapshot or a point in time, or replicating another, has its source's
# encryption. The argument naming the source is unknown until apply (a reference), but the source is a
# known resource of the configuration that decides it.
deny contains lib.decided_violation([name], msg) if {
	not always_encrypted
	inherited == "unencrypted"
	not lib.is_true(lib.attr("storage_encrypted"))
	some name in aws_rest.rest_rds_storage_source_names
	msg := concat("", [
		"Aurora cluster storage is not encrypted: it takes the encryption of the source it is created from (",
		name, " is ", lib.attr_text(name), "), whose storage is not encrypted, required an encrypted source",
	])
}

deny contains lib.undetermined([name], msg) if {
	not always_encrypted
	inherited == "undetermined"
	not lib.is_true(lib.attr("storage_encrypted"))
	some name in aws_rest.rest_rds_storage_source_names
	msg := concat("", [
		"Aurora cluster takes its storage encryption from the source it is created from (", name, " is ",
		lib.attr_text(name), "), which the scanned configuration does not show: storage_encrypted is ",
		lib.attr_text("storage_encrypted"), ", required an encrypted source",
	])
}
