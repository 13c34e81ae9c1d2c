# LOG-AZNETWORK-001: network security groups have an enabled Network Watcher flow log.
package iacgate.rules.audit_logging.azure_nsg_flow_logs

import data.iacgate.lib
import rego.v1

# azurerm 3 names the group in network_security_group_id, azurerm 4 in target_resource_id.
flow_logs := array.concat(
	lib.referrers_via("azurerm_network_watcher_flow_log", "network_security_group_id"),
	lib.referrers_via("azurerm_network_watcher_flow_log", "target_resource_id"),
)

enabled := [log | some log in flow_logs; lib.is_true(object.get(log.attributes, "enabled", null))]

deny contains lib.violation([], msg) if {
	count(flow_logs) == 0
	msg := "network security group traffic is not logged: no azurerm_network_watcher_flow_log refers to it, required an enabled flow log"
}

unknown := [log | some log in flow_logs; lib.is_unknown(object.get(log.attributes, "enabled", null))]

deny contains lib.violation([], msg) if {
	count(flow_logs) > 0
	count(enabled) == 0
	count(unknown) == 0
	msg := concat("", ["network security group traffic is not logged: its flow log (", concat(", ", sort([log.id | some log in flow_logs])), ") has enabled = false, required true"])
}

# No flow log known to be enabled, and one whose enabled is unknown until apply (enabled = var.x): cannot tell.
deny contains lib.undetermined([], msg) if {
	count(enabled) == 0
	count(unknown) > 0
	msg := concat("", ["cannot tell whether network security group traffic is logged: enabled of its flow log (", concat(", ", sort([log.id | some log in unknown])), ") is unknown until apply, required true"])
}
