# ENC-DOCDB-001: DocumentDB clusters encrypt their storage.
package iacgate.rules.encryption.aws_data_docdb_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

deny contains aws_data.data_not_true("storage_encrypted", "DocumentDB cluster storage is not encrypted") if {
	aws_rest.rest_rds_inherited_encryption == "none"
	not lib.is_true(lib.attr("storage_encrypted"))
}

# A cluster restored from a snapshot or a point in time, or replicating another, has its source's
# encryption: AWS does not take storage_encrypted then (CloudFormation: "the value is inherited").
deny contains finding if {
	some finding in aws_rest.rest_inherited_storage_findings("DocumentDB cluster")
}
