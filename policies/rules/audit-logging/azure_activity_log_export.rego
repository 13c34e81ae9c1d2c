# LOG-AZMONITOR-002: the diagnostic settings of a subscription, together, export the activity log
# categories an audit needs (Administrative, Security, Policy, Alert) to a destination.
#
# A whole-graph rule (scope: graph): Azure allows up to five diagnostic settings per target and a category
# sent by any of them is exported, so the settings of one subscription are judged together, and settings
# naming the same subscription are not neighbours of each other. Results name the setting they are about.
package iacgate.rules.audit_logging.azure_activity_log_export

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

required := ["Administrative", "Security", "Policy", "Alert"]

azure_activity_settings := [setting |
	some setting in object.get(input.resources_by_type, "azurerm_monitor_diagnostic_setting", [])
	setting.mode == "managed"
]

azure_activity_by_id := {resource.id: resource |
	some resources in input.resources_by_type
	some resource in resources
}

azure_activity_target(setting) := object.get(setting.attributes, "target_resource_id", null)

# The resources a setting's target_resource_id refers to.
azure_activity_target_edges(setting) := [azure_activity_by_id[edge.target] |
	some edge in input.edges
	edge.source == setting.id
	edge.attribute == "target_resource_id"
	azure_activity_by_id[edge.target]
]

# The subscription a setting targets, as a key settings of one subscription share: the literal
# "/subscriptions/<id>" (case and a trailing "/" aside), else the azurerm_subscription (data source or
# resource) its target refers to.
azure_activity_subscription(setting) := concat("", ["id:", lower(trim_right(trim_space(target), "/"))]) if {
	target := azure_activity_target(setting)
	is_string(target)
	regex.match(`^/subscriptions/[^/]+/?$`, lower(trim_space(target)))
} else := concat("", ["ref:", subscription.id]) if {
	some subscription in azure_activity_target_edges(setting)
	subscription.type == "azurerm_subscription"
}

# A target unknown until apply that refers to no resource ("/subscriptions/${var.subscription_id}", a
# module input): it may be a subscription, so the setting is judged alone and its results are undetermined.
azure_activity_target_unknown(setting) if {
	lib.is_unknown(azure_activity_target(setting))
	count(azure_activity_target_edges(setting)) == 0
}

# The settings judged with `setting`: every setting of the same subscription, or itself alone.
azure_activity_group(setting) := [other |
	key := azure_activity_subscription(setting)
	some other in azure_activity_settings
	azure_activity_subscription(other) == key
] if {
	azure_activity_subscription(setting)
} else := [setting]

azure_activity_judged(setting) if azure_activity_subscription(setting)

azure_activity_judged(setting) if azure_activity_target_unknown(setting)

# Diagnostic settings of other resources (a vault, a storage account) are other rules' concern.
deny contains {"not_applicable": true, "resource": setting.id} if {
	some setting in azure_activity_settings
	not azure_activity_judged(setting)
}

deny contains {"not_applicable": true, "resource": setting.id} if {
	some setting in object.get(input.resources_by_type, "azurerm_monitor_diagnostic_setting", [])
	setting.mode != "managed"
}

azure_activity_as_setting(setting) := {"id": setting.id, "attributes": setting.attributes}

# Categories (and category groups) the settings of the group send to a destination.
azure_activity_sent(group) := {name |
	some setting in group
	azure.diagnostic_destination(azure_activity_as_setting(setting))
	some name in azure.diagnostic_log_names(azure_activity_as_setting(setting))
}

azure_activity_missing(group) := [category |
	sent := azure_activity_sent(group)
	some category in required
	not lower(category) in sent
	not "alllogs" in sent
	not "audit" in sent
]

# A setting of the group whose log blocks are unknown until apply may send the missing categories.
azure_activity_logs_unknown(group) if {
	some setting in group
	some key in ["enabled_log", "log"]
	lib.is_unknown(object.get(setting.attributes, key, null))
}

azure_activity_sources(group) := "enabled_log categories" if {
	count(group) == 1
} else := concat("", ["enabled_log categories of its ", format_int(count(group), 10), " diagnostic settings together"])

# The results of a possible subscription are undetermined: a known subscription fails.
azure_activity_result(setting, path, msg) := {"resource": setting.id, "path": path, "message": msg} if {
	azure_activity_subscription(setting)
} else := {"resource": setting.id, "path": path, "message": concat("", [msg, " (if target_resource_id, unknown until apply, is a subscription)"]), "status": "undetermined"}

# A setting without a destination is reported for that alone (below) and adds no category.
deny contains azure_activity_result(setting, ["enabled_log"], msg) if {
	some setting in azure_activity_settings
	azure_activity_judged(setting)
	azure.diagnostic_destination(azure_activity_as_setting(setting))
	group := azure_activity_group(setting)
	missing := azure_activity_missing(group)
	count(missing) > 0
	not azure_activity_logs_unknown(group)
	msg := concat("", ["subscription activity log is not exported in full: ", azure_activity_sources(group), " leave out ", concat(", ", missing), ", required Administrative, Security, Policy and Alert (or the allLogs group)"])
}

deny contains {"resource": setting.id, "path": ["enabled_log"], "message": msg, "status": "undetermined"} if {
	some setting in azure_activity_settings
	azure_activity_judged(setting)
	azure.diagnostic_destination(azure_activity_as_setting(setting))
	group := azure_activity_group(setting)
	count(azure_activity_missing(group)) > 0
	azure_activity_logs_unknown(group)
	msg := "cannot tell which activity log categories the subscription exports: enabled_log of one of its diagnostic settings is unknown until apply, required Administrative, Security, Policy and Alert"
}

deny contains azure_activity_result(setting, [], msg) if {
	some setting in azure_activity_settings
	azure_activity_judged(setting)
	not azure.diagnostic_destination(azure_activity_as_setting(setting))
	msg := "subscription activity log is exported nowhere: log_analytics_workspace_id, storage_account_id, eventhub_authorization_rule_id and partner_solution_id are not set, required a destination"
}
