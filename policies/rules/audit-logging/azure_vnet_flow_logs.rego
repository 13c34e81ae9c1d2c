# LOG-AZNETWORK-004: virtual networks record flow logs (VNet flow logs, which replace NSG flow logs).
package iacgate.rules.audit_logging.azure_vnet_flow_logs

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

# An azapi_resource virtual network (Azure Verified Modules declare it so) is judged like the azurerm one.
deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.network/virtualnetworks"})

# An azapi_resource whose type is unknown until apply may be no virtual network: it is judged undetermined at
# its type only (the failures below would make it fail).
deny contains azapi.type_undetermined if azapi.type_unknown

azure_vnet_judged if not azapi.type_unknown

# azurerm_network_watcher_flow_log targeting the network (azurerm 4: target_resource_id), and azapi flow
# logs (Microsoft.Network/networkWatchers/flowLogs) whose body names the network.
flow_logs := [log.attributes |
	some log in lib.referrers_via("azurerm_network_watcher_flow_log", "target_resource_id")
]

azapi_flow_logs := [{"enabled": object.get(properties, "enabled", true)} |
	some neighbour in lib.referrers_via("azapi_resource", "body")
	declared := object.get(neighbour.attributes, "type", null)
	is_string(declared)
	lower(trim_space(split(declared, "@")[0])) == "microsoft.network/networkwatchers/flowlogs"
	properties := object.get(azure_vnet_body(neighbour), "properties", {})
]

azure_vnet_body(neighbour) := decoded if {
	raw := object.get(neighbour.attributes, "body", null)
	is_string(raw)
	json.is_valid(raw)
	decoded := json.unmarshal(raw)
	is_object(decoded)
} else := raw if {
	raw := object.get(neighbour.attributes, "body", null)
	is_object(raw)
} else := {}

all_logs := array.concat(flow_logs, azapi_flow_logs)

enabled_logs := [log | some log in all_logs; lib.is_true(object.get(log, "enabled", null))]

unknown_logs := [log | some log in all_logs; lib.is_unknown(object.get(log, "enabled", null))]

deny contains lib.violation([], msg) if {
	azure_vnet_judged
	count(all_logs) == 0
	msg := "virtual network traffic is not recorded: no azurerm_network_watcher_flow_log targets the network, required a flow log with target_resource_id naming it and enabled = true"
}

deny contains lib.violation([], msg) if {
	azure_vnet_judged
	count(all_logs) > 0
	count(enabled_logs) == 0
	count(unknown_logs) == 0
	msg := "virtual network traffic is not recorded: the flow logs targeting the network have enabled = false, required true"
}

deny contains lib.undetermined([], msg) if {
	azure_vnet_judged
	count(enabled_logs) == 0
	count(unknown_logs) > 0
	msg := "cannot tell whether virtual network traffic is recorded: enabled of the flow log targeting the network is unknown until apply, required true"
}
