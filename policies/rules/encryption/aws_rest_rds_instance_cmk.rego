# ENC-RDS-004: RDS DB instances encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_instance_cmk

import data.iacgate.lib.aws
import data.iacgate.lib.aws_rest
import rego.v1

# A DB instance of an Aurora cluster (CloudFormation DBClusterIdentifier) has the cluster's key, judged on
# the cluster (ENC-RDS-005).
deny contains {"not_applicable": true} if aws.rds_cluster_member

# A read replica (replicate_source_db) or an instance restored from a snapshot keeps the source's key
# when kms_key_id is not set.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source("kms_key_id", ["replicate_source_db", "snapshot_identifier"], "RDS DB instance")
}
