# LOG-AZSQL-002: Azure SQL auditing keeps its records at least the configured minimum.
package iacgate.rules.audit_logging.azure_sql_audit_retention

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# retention_in_days defaults to 0, which keeps records forever: only 0 < days < minimum fails. The rule
# is evaluated on the auditing policy resource, where the setting lives.
retention := lib.attr("retention_in_days")

deny contains lib.violation(["retention_in_days"], msg) if {
	lib.is_set(retention)
	not lib.is_unknown(retention)
	days := to_number(retention)
	days != 0
	days < azure.min_audit_retention_days
	msg := sprintf("SQL auditing keeps records for %v days: retention_in_days is %v, required at least %v (or 0, keep forever)", [days, days, azure.min_audit_retention_days])
}
