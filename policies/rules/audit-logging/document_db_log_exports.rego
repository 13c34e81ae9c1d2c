# LOG-DOCDB-001: DocumentDB and Neptune clusters export their audit logs to CloudWatch Logs.
package iacgate.rules.audit_logging.document_db_log_exports

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

exports := lib.attr(logging.log_exports_attribute)

deny contains lib.violation([logging.log_exports_attribute], msg) if {
	not lib.is_unknown(exports)
	exported := {name | some name in lib.blocks(exports)}
	missing := logging.required_log_exports - exported
	count(missing) > 0
	msg := concat("", [
		"cluster does not export its ", concat(", ", sort(missing)), " logs to CloudWatch Logs: ",
		logging.log_exports_attribute, " is ", lib.show(exports), ", required ",
		concat(" and ", sort(logging.required_log_exports)),
	])
}
