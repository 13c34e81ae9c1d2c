# LOG-AZNETWORK-002: Network Watcher flow logs keep their records at least the configured minimum.
package iacgate.rules.audit_logging.azure_flow_log_retention

import data.iacgate.lib
import data.iacgate.lib.azure
import data.iacgate.lib.retention
import rego.v1

# retention_policy is a required block. With enabled = true, days = 0 keeps records forever; with
# enabled = false the flow log storage keeps them until deleted by hand or by a lifecycle rule, which the
# rule cannot see, so a disabled retention policy fails too. The minimum is settings.min_log_retention_days
# (lib.retention). A value unknown until apply (days = var.x.days, an undeclared variable) is reported at
# its path, where the engine calls it undetermined: never a pass.
policy := azure.first_block("retention_policy")

enabled := object.get(policy, "enabled", null)

days := object.get(policy, "days", null)

requirement := concat("", ["required enabled = true with days at least ", retention.min_days_text, " (or 0, keep forever)"])

deny contains lib.violation(["retention_policy", 0, "enabled"], msg) if {
	count(lib.attr_blocks("retention_policy")) > 0
	not lib.is_true(enabled)
	msg := concat("", ["flow log retention is not enforced: retention_policy.enabled is ", lib.show(enabled), ", ", requirement])
}

deny contains lib.violation(["retention_policy", 0, "days"], msg) if {
	not lib.is_false(enabled)
	retention.retention_short(days, 0)
	msg := concat("", ["flow log keeps records for ", lib.show(days), " days: retention_policy.days is ", lib.show(days), ", ", requirement])
}

deny contains lib.violation(["retention_policy", 0, "days"], msg) if {
	count(lib.attr_blocks("retention_policy")) > 0
	not lib.is_false(enabled)
	retention.retention_undecidable(days)
	msg := concat("", ["flow log retention cannot be told: retention_policy.days is ", lib.show(days), ", ", requirement])
}

# The block as a whole is unknown (a plan of a dynamic block): undetermined.
deny contains lib.violation(["retention_policy"], msg) if {
	lib.is_unknown(lib.attr("retention_policy"))
	msg := concat("", ["flow log retention cannot be told: retention_policy is unknown until apply, ", requirement])
}

deny contains lib.violation(lib.missing_block_path("retention_policy"), msg) if {
	count(lib.attr_blocks("retention_policy")) == 0
	not lib.is_unknown(lib.attr("retention_policy"))
	msg := concat("", ["flow log retention is not enforced: retention_policy is not set, ", requirement])
}
