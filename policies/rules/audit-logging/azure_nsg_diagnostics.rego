# LOG-AZNETWORK-003: network security groups send their event and rule-counter logs to a diagnostic
# destination.
package iacgate.rules.audit_logging.azure_nsg_diagnostics

import data.iacgate.lib.azure
import rego.v1

required := ["networksecuritygroupevent", "networksecuritygrouprulecounter"]

names := {lower(display): display | some display in ["NetworkSecurityGroupEvent", "NetworkSecurityGroupRuleCounter"]}

# Categories sent to a destination, across every diagnostic setting targeting the group.
sent := {name |
	some setting in azure.diagnostic_settings
	azure.diagnostic_destination(setting)
	some name in azure.diagnostic_log_names(setting)
}

missing := [names[name] |
	some name in required
	not name in sent
	not "alllogs" in sent
]

deny contains azure.diagnostic_violation([], msg) if {
	count(missing) > 0
	msg := concat("", ["network security group events are not logged: ", found, ", required an azurerm_monitor_diagnostic_setting targeting the group that sends ", concat(" and ", missing), " (or the allLogs group) to a workspace, storage account or event hub"])
}

found := "no azurerm_monitor_diagnostic_setting targets the group" if {
	count(azure.diagnostic_settings) == 0
} else := concat("", ["its diagnostic settings send no ", concat(" or ", missing)])
