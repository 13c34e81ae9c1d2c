# ENC-RDS-004: RDS DB instances encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_instance_cmk

import data.iacgate.lib.aws
import data.iacgate.lib.aws_rest
import rego.v1

# A DB instance of an Aurora cluster (CloudFormation DBClusterIdentifier) has the cluster's key, judged on
# the cluster (ENC-RDS-005).
deny contains {"not_applicable": true} if aws.rds_cluster_member

# A read replica (replicate_source_db), an instance restored from a snapshot, or one restored to a point in
# time (restore_to_point_in_time; CloudFormation SourceDBInstanceAutomatedBackupsArn, SourceDbiResourceId)
# keeps the source's key when kms_key_id is not set: RestoreDBInstanceToPointInTime takes no key at all.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source("kms_key_id", aws_rest.rest_rds_storage_sources("aws_db_instance"), "RDS DB instance")
}
