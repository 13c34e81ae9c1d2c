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

# Created from a source (a snapshot, a primary it replicates, a point in time): the source's encryption.
deny contains finding if {
	not always_encrypted
	some finding in aws_rest.rest_inherited_storage_findings("Aurora cluster")
}
