# LOG-AZMONITOR-004: Log Analytics workspaces keep logs at least the configured minimum.
package iacgate.rules.audit_logging.azure_log_analytics_retention

import data.iacgate.lib
import data.iacgate.lib.retention
import rego.v1

value := lib.attr("retention_in_days")

# Not set: 30 days (the Free tier keeps 7 whatever it says).
days := value if {
	lib.is_set(value)
} else := 30

free if {
	sku := lib.attr("sku")
	is_string(sku)
	lower(sku) == "free"
}

requirement := concat("", ["required at least ", retention.min_days_text])

deny contains lib.violation(["retention_in_days"], msg) if {
	not free
	retention.retention_short(days, null)
	msg := concat("", ["workspace keeps logs too briefly: retention_in_days is ", lib.show(value), lib.when_not_set(value, "30 days"), ", ", requirement])
}

deny contains lib.violation(["sku"], msg) if {
	free
	msg := concat("", ["workspace keeps logs too briefly: sku is Free, which keeps 7 days, ", requirement, " (a PerGB2018 workspace)"])
}

# Unknown until apply (or not a number): fails at its path, which the engine reports as undetermined.
deny contains lib.violation(["retention_in_days"], msg) if {
	not free
	retention.retention_undecidable(value)
	msg := concat("", ["cannot tell how long the workspace keeps logs: retention_in_days is ", lib.show(value), ", ", requirement])
}

# A sku unknown until apply may be Free (7 days whatever retention_in_days says): undetermined.
deny contains lib.violation(["sku"], msg) if {
	lib.is_unknown(lib.attr("sku"))
	msg := concat("", ["cannot tell how long the workspace keeps logs: sku is unknown until apply (a Free workspace keeps 7 days), ", requirement])
}
