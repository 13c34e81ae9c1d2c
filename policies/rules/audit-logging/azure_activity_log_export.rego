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

# Diagnostic settings of other resources (a vault, a storage account) are other rules' concern.
deny contains {"not_applicable": true} if not subscription

required := ["Administrative", "Security", "Policy", "Alert"]

setting := {"id": input.resource.id, "attributes": lib.attrs}

sent := azure.diagnostic_log_names(setting)

missing := [category |
	some category in required
	not lower(category) in sent
	not "alllogs" in sent
	not "audit" in sent
]

deny contains lib.violation(["enabled_log"], msg) if {
	subscription
	count(missing) > 0
	not logs_unknown
	msg := concat("", ["subscription activity log is not exported in full: enabled_log categories leave out ", concat(", ", missing), ", required Administrative, Security, Policy and Alert (or the allLogs group)"])
}

logs_unknown if lib.is_unknown(lib.attr("enabled_log"))

logs_unknown if lib.is_unknown(lib.attr("log"))

deny contains lib.undetermined(["enabled_log"], msg) if {
	subscription
	count(missing) > 0
	logs_unknown
	msg := "cannot tell which activity log categories the subscription exports: enabled_log is unknown until apply, required Administrative, Security, Policy and Alert"
}

deny contains lib.violation([], msg) if {
	subscription
	not azure.diagnostic_destination(setting)
	msg := "subscription activity log is exported nowhere: log_analytics_workspace_id, storage_account_id, eventhub_authorization_rule_id and partner_solution_id are not set, required a destination"
}
