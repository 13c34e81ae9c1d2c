# ENC-DOCDB-011: DocumentDB clusters encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_docdb_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source("kms_key_id", ["snapshot_identifier", "global_cluster_identifier"], "DocumentDB cluster")
}
