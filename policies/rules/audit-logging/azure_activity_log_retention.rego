# LOG-AZMONITOR-001: the subscription activity log profile keeps events at least the configured minimum.
package iacgate.rules.audit_logging.azure_activity_log_retention

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

policy := azure.first_block("retention_policy")

days := object.get(policy, "days", null)

# A disabled retention policy, or days = 0, keeps events forever: both pass.
deny contains lib.violation(["retention_policy", 0, "days"], msg) if {
	lib.is_true(object.get(policy, "enabled", null))
	lib.is_set(days)
	not lib.is_unknown(days)
	to_number(days) != 0
	to_number(days) < azure.min_activity_log_retention_days
	msg := sprintf("activity log keeps events for %v days: retention_policy.days is %v, required at least %v (or 0, keep forever)", [days, days, azure.min_activity_log_retention_days])
}
