# LOG-DOCDB-001: DocumentDB and Neptune clusters export their audit logs to CloudWatch Logs.
package iacgate.rules.audit_logging.document_db_log_exports

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

exports := lib.attr(logging.log_exports_attribute)

# An export list unknown until apply is reported at its path, where the engine calls it undetermined; an
# unknown entry of the list could be a missing log, so the cluster is undetermined rather than failed.
deny contains result if {
	exported := {name | some name in lib.blocks(exports)}
	missing := logging.required_log_exports - exported
	count(missing) > 0
	msg := concat("", [
		"cluster does not export its ", concat(", ", sort(missing)), " logs to CloudWatch Logs: ",
		logging.log_exports_attribute, " is ", lib.show(exports), ", required ",
		concat(" and ", sort(logging.required_log_exports)),
	])
	result := document_db_log_exports_result(msg)
}

document_db_log_exports_result(msg) := lib.undetermined([logging.log_exports_attribute], msg) if {
	some entry in lib.blocks(exports)
	lib.is_unknown(entry)
} else := lib.violation([logging.log_exports_attribute], msg)
