# LOG-AZNETWORK-002: Network Watcher flow logs keep their records at least the configured minimum.
package iacgate.rules.audit_logging.azure_flow_log_retention

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# retention_policy is a required block. With enabled = true, days = 0 keeps records forever; with
# enabled = false the flow log storage keeps them until deleted by hand or by a lifecycle rule, which the
# rule cannot see, so a disabled retention policy fails too.
policy := azure.first_block("retention_policy")

days := object.get(policy, "days", null)

deny contains lib.violation(["retention_policy", 0, "enabled"], msg) if {
	count(lib.attr_blocks("retention_policy")) > 0
	not lib.is_true(object.get(policy, "enabled", null))
	msg := concat("", ["flow log retention is not enforced: retention_policy.enabled is ", lib.show(object.get(policy, "enabled", null)), ", required true with days at least ", format_int(azure.min_audit_retention_days, 10)])
}

deny contains lib.violation(["retention_policy", 0, "days"], msg) if {
	lib.is_true(object.get(policy, "enabled", null))
	lib.is_set(days)
	not lib.is_unknown(days)
	to_number(days) != 0
	to_number(days) < azure.min_audit_retention_days
	msg := sprintf("flow log keeps records for %v days: retention_policy.days is %v, required at least %v (or 0, keep forever)", [days, days, azure.min_audit_retention_days])
}

deny contains lib.violation(lib.missing_block_path("retention_policy"), msg) if {
	count(lib.attr_blocks("retention_policy")) == 0
	not lib.is_unknown(lib.attr("retention_policy"))
	msg := concat("", ["flow log retention is not enforced: retention_policy is not set, required enabled = true with days at least ", format_int(azure.min_audit_retention_days, 10)])
}
