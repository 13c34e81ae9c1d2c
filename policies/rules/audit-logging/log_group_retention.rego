# LOG-CLOUDWATCH-001: CloudWatch log groups keep their events at least the configured minimum.
package iacgate.rules.audit_logging.log_group_retention

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

retention := lib.attr("retention_in_days")

# Left out (or 0), a log group never expires its events: that passes.
deny contains lib.violation(["retention_in_days"], msg) if {
	lib.is_set(retention)
	not lib.is_unknown(retention)
	days := to_number(retention)
	days != 0
	days < logging.min_log_retention_days
	msg := sprintf("log group keeps events for %v days: retention_in_days is %v, required at least %v days (or 0, never expire)", [days, days, logging.min_log_retention_days])
}
