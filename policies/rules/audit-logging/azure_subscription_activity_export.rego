# LOG-AZMONITOR-005: a subscription the configuration creates exports its activity log through a
# diagnostic setting.
package iacgate.rules.audit_logging.azure_subscription_activity_export

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

required := ["Administrative", "Security", "Policy", "Alert"]

# Diagnostic settings that target the subscription and send their logs somewhere.
delivering := [setting |
	some setting in azure.diagnostic_settings
	azure.diagnostic_destination(setting)
]

# Categories (and category groups) sent, across those settings.
sent := {name |
	some setting in delivering
	some name in azure.diagnostic_log_names(setting)
}

azure_subscription_export_logs_unknown if {
	some setting in delivering
	some key in ["enabled_log", "log"]
	lib.is_unknown(object.get(setting.attributes, key, null))
}

missing := [category |
	some category in required
	not lower(category) in sent
	not "alllogs" in sent
	not "audit" in sent
]

found := "no azurerm_monitor_diagnostic_setting targets the subscription" if {
	count(azure.diagnostic_settings) == 0
} else := "its diagnostic settings send logs to no destination" if {
	count(delivering) == 0
} else := concat("", ["its diagnostic settings leave out ", concat(", ", missing)])

msg := concat("", [
	"subscription activity log is not exported: ", found,
	", required an azurerm_monitor_diagnostic_setting targeting the subscription that sends Administrative, Security, Policy and Alert (or the allLogs group) to a workspace, storage account or event hub",
])

deny contains lib.violation([], msg) if {
	count(missing) > 0
	not azure_subscription_export_logs_unknown
}

# An entry whose enabled is unknown, or an azapi body unknown as a whole (azure.diagnostic_uncertain).
azure_subscription_export_logs_unknown if azure.diagnostic_uncertain

# A setting whose categories are unknown until apply may send the missing ones: undetermined.
deny contains lib.undetermined([], msg) if {
	count(missing) > 0
	azure_subscription_export_logs_unknown
}
