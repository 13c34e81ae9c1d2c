# LOG-AZMONITOR-001: the subscription activity log profile keeps events at least the configured minimum.
package iacgate.rules.audit_logging.azure_activity_log_retention

import data.iacgate.lib
import data.iacgate.lib.azure
import data.iacgate.lib.retention
import rego.v1

policy := azure.first_block("retention_policy")

enabled := object.get(policy, "enabled", null)

days := object.get(policy, "days", null)

requirement := concat("", ["required at least ", retention.min_days_text, " (or 0, keep forever)"])

# A disabled retention policy, or days = 0, keeps events forever: both pass. A value unknown until apply
# is reported at its path, where the engine calls it undetermined.
deny contains lib.violation(["retention_policy", 0, "days"], msg) if {
	lib.is_true(enabled)
	retention.retention_short(days, 0)
	msg := concat("", ["activity log keeps events for ", lib.show(days), " days: retention_policy.days is ", lib.show(days), ", ", requirement])
}

deny contains lib.violation(["retention_policy", 0, "days"], msg) if {
	lib.is_true(enabled)
	retention.retention_undecidable(days)
	msg := concat("", ["activity log retention cannot be told: retention_policy.days is ", lib.show(days), ", ", requirement])
}

# Whether the policy expires events at all is unknown, and the days it would keep them are too few or unknown.
deny contains lib.violation(["retention_policy", 0, "enabled"], msg) if {
	lib.is_unknown(enabled)
	azure_activity_log_retention_days_not_enough
	msg := concat("", ["activity log retention cannot be told: retention_policy.enabled is ", lib.show(enabled), " and days is ", lib.show(days), ", ", requirement])
}

deny contains lib.violation(["retention_policy"], msg) if {
	lib.is_unknown(lib.attr("retention_policy"))
	msg := concat("", ["activity log retention cannot be told: retention_policy is unknown until apply, ", requirement])
}

azure_activity_log_retention_days_not_enough if retention.retention_short(days, 0)

azure_activity_log_retention_days_not_enough if retention.retention_undecidable(days)
