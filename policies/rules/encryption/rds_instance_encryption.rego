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

# Created from a source (a snapshot, a primary it replicates, a point in time): the source's encryption.
deny contains finding if {
	some finding in aws_rest.rest_inherited_storage_findings("RDS DB instance")
}
