# ENC-RDS-007: RDS DB snapshot and DB cluster snapshot copies are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_snapshot_copy_cmk

import data.iacgate.lib.aws_rest
import rego.v1

subject := "RDS DB cluster snapshot copy" if input.resource.type == "aws_rds_cluster_snapshot_copy"

else := "RDS snapshot copy"

# A copy without kms_key_id keeps the key of the snapshot it copies, which the copy does not show.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source(
		"kms_key_id",
		["source_db_snapshot_identifier", "source_db_cluster_snapshot_identifier"],
		subject,
	)
}
