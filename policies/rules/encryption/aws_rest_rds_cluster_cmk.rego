# ENC-RDS-005: Aurora and Multi-AZ DB clusters encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_cluster_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# A cluster restored from a snapshot or to a point in time (restore_to_point_in_time; CloudFormation
# SourceDBClusterIdentifier), a cross-region replica or a secondary of a global cluster keeps its source's
# key when kms_key_id is not set (RestoreDBClusterToPointInTime: "encrypted using the KMS key that was used
# to encrypt the source DB cluster").
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source(
		"kms_key_id",
		array.concat(aws_rest.rest_rds_storage_sources("aws_rds_cluster"), ["global_cluster_identifier"]),
		"RDS cluster",
	)
}
