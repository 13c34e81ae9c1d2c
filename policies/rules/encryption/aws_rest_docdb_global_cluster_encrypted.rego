# ENC-DOCDB-012: DocumentDB global clusters encrypt their storage.
package iacgate.rules.encryption.aws_rest_docdb_global_cluster_encrypted

import data.iacgate.lib
import rego.v1

# A global cluster built from an existing cluster (source_db_cluster_identifier) takes that cluster's
# encryption when storage_encrypted is not set: undetermined, the source is not in the resource.
from_source if {
	not lib.is_set(lib.attr("storage_encrypted"))
	lib.is_set(lib.attr("source_db_cluster_identifier"))
}

deny contains lib.violation(["storage_encrypted"], msg) if {
	not from_source
	not lib.is_true(lib.attr("storage_encrypted"))
	msg := concat("", ["DocumentDB global cluster is not encrypted at rest: storage_encrypted is ", lib.attr_text("storage_encrypted"), ", required true"])
}

deny contains lib.undetermined(["storage_encrypted"], msg) if {
	from_source
	msg := concat("", [
		"DocumentDB global cluster takes its encryption from the cluster it is built from (source_db_cluster_identifier is ",
		lib.attr_text("source_db_cluster_identifier"), "), which the scanned configuration does not show: storage_encrypted is not set, required true",
	])
}
