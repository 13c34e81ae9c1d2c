# LOG-AZMONITOR-002: a diagnostic setting on a subscription exports the activity log categories an audit
# needs (Administrative, Security, Policy, Alert) to a destination.
package iacgate.rules.audit_logging.azure_activity_log_export

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

target := lib.attr("target_resource_id")

# The target is a subscription: a literal "/subscriptions/<id>", or a reference to an azurerm_subscription
# (the data source most configurations read it from, or the resource).
subscription if {
	is_string(target)
	regex.match(`^/subscriptions/[^/]+/?$`, lower(trim_space(target)))
}

subscription if count(lib.referenced("azurerm_subscription")) > 0

# A target unknown until apply that refers to no resource ("/subscriptions/${var.subscription_id}", a
# module input): it may be a subscription, so the setting is judged and its results are undetermined.
target_unknown if {
	lib.is_unknown(target)
	count([entry | some entry in input.related; entry.direction == "out"; entry.attribute == "target_resource_id"]) == 0
}

judged if subscription

judged if target_unknown

# Diagnostic settings of other resources (a vault, a storage account) are other rules' concern.
deny contains {"not_applicable": true} if not judged

# The results of a possible subscription are undetermined: a known subscription fails.
azure_activity_result(path, msg) := lib.violation(path, msg) if {
	subscription
} else := lib.undetermined(path, concat("", [msg, " (if target_resource_id, unknown until apply, is a subscription)"]))

required := ["Administrative", "Security", "Policy", "Alert"]

setting := {"id": input.resource.id, "attributes": lib.attrs}

sent := azure.diagnostic_log_names(setting)

missing := [category |
	some category in required
	not lower(category) in sent
	not "alllogs" in sent
	not "audit" in sent
]

deny contains azure_activity_result(["enabled_log"], msg) if {
	judged
	count(missing) > 0
	not logs_unknown
	msg := concat("", ["subscription activity log is not exported in full: enabled_log categories leave out ", concat(", ", missing), ", required Administrative, Security, Policy and Alert (or the allLogs group)"])
}

logs_unknown if lib.is_unknown(lib.attr("enabled_log"))

logs_unknown if lib.is_unknown(lib.attr("log"))

deny contains lib.undetermined(["enabled_log"], msg) if {
	judged
	count(missing) > 0
	logs_unknown
	msg := "cannot tell which activity log categories the subscription exports: enabled_log is unknown until apply, required Administrative, Security, Policy and Alert"
}

deny contains azure_activity_result([], msg) if {
	judged
	not azure.diagnostic_destination(setting)
	msg := "subscription activity log is exported nowhere: log_analytics_workspace_id, storage_account_id, eventhub_authorization_rule_id and partner_solution_id are not set, required a destination"
}
