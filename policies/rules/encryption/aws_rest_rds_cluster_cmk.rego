# ENC-RDS-005: Aurora and Multi-AZ DB clusters encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_cluster_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# A cluster restored from a snapshot, a cross-region replica or a secondary of a global cluster keeps its
# source's key when kms_key_id is not set.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source(
		"kms_key_id",
		["snapshot_identifier", "replication_source_identifier", "global_cluster_identifier"],
		"RDS cluster",
	)
}
