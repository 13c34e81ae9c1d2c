# ENC-RDS-001: RDS DB instances encrypt their storage.
package iacgate.rules.encryption.rds_instance_encryption

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_rest
import rego.v1

# A DB instance of an Aurora cluster (CloudFormation DBClusterIdentifier) has the cluster's encryption,
# judged on the cluster (ENC-RDS-002).
deny contains {"not_applicable": true} if aws.rds_cluster_member

inherited := aws_rest.rest_rds_inherited_encryption

deny contains lib.violation(["storage_encrypted"], msg) if {
	inherited == "none"
	not lib.is_true(lib.attr("storage_encrypted"))
	msg := sprintf("RDS DB instance storage is not encrypted: storage_encrypted is %s, required true", [lib.attr_text("storage_encrypted")])
}

# A replica, or an instance restored from a snapshot or a point in time, has its source's encryption. The
# argument naming the source is unknown until apply (a reference), but the source is a known resource of
# the configuration that decides it.
deny contains lib.decided_violation([name], msg) if {
	inherited == "unencrypted"
	not lib.is_true(lib.attr("storage_encrypted"))
	some name in aws_rest.rest_rds_storage_source_names
	msg := concat("", [
		"RDS DB instance storage is not encrypted: it takes the encryption of the source it is created from (",
		name, " is ", lib.attr_text(name), "), whose storage is not encrypted, required an encrypted source",
	])
}

deny contains lib.undetermined([name], msg) if {
	inherited == "undetermined"
	not lib.is_true(lib.attr("storage_encrypted"))
	some name in aws_rest.rest_rds_storage_source_names
	msg := concat("", [
		"RDS DB instance takes its storage encryption from the source it is created from (", name, " is ",
		lib.attr_text(name), "), which the scanned configuration does not show: storage_encrypted is ",
		lib.attr_text("storage_encrypted"), ", required an encrypted source",
	])
}
