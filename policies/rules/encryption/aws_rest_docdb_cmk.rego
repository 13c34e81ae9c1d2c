# ENC-DOCDB-011: DocumentDB clusters and elastic clusters encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_docdb_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# An elastic cluster always encrypts: without kms_key_id, under the default key KMS creates for the account.
subject := "DocumentDB elastic cluster" if {
	input.resource.type == "aws_docdb_elastic_cluster"
} else := "DocumentDB cluster"

# A cluster restored from a snapshot or to a point in time (restore_to_point_in_time; CloudFormation
# SourceDBClusterIdentifier), or a secondary of a global cluster, keeps its source's key when kms_key_id is
# not set.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source(
		"kms_key_id",
		array.concat(aws_rest.rest_rds_storage_sources("aws_docdb_cluster"), ["global_cluster_identifier"]),
		subject,
	)
}
