# LOG-RDS-001: RDS instances and Aurora clusters export their audit-relevant logs to CloudWatch Logs.
package iacgate.rules.audit_logging.rds_log_exports

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

exports := lib.attr("enabled_cloudwatch_logs_exports")

deny contains lib.violation(["enabled_cloudwatch_logs_exports"], msg) if {
	not lib.is_set(exports)
	msg := sprintf("database exports no logs to CloudWatch Logs: enabled_cloudwatch_logs_exports is %s", [lib.show(exports)])
}

deny contains lib.violation(["enabled_cloudwatch_logs_exports"], msg) if {
	is_array(exports)
	count(exports) > 0
	required := aws.rds_required_log_exports(lib.attr("engine"))
	missing := required - {name | some name in exports}
	count(missing) > 0

	# concat, not sprintf: inside sprintf's %s regopy 1.5.2 quotes some strings (one-element concat results).
	msg := concat("", [
		"database does not export the ", concat(", ", sort(missing)), " logs of engine ", lib.attr_text("engine"),
		" to CloudWatch Logs: enabled_cloudwatch_logs_exports is ", lib.show(exports),
	])
}
