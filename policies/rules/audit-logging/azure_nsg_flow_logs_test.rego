package iacgate.rules.audit_logging.azure_nsg_flow_logs_test

# The rule's parts that take their inputs as arguments. The rule as a whole is tested by its fixtures in
# every format (fixtures/audit-logging/LOG-AZNETWORK-001) and by tests/rules/cloud_log/test_nsg_flow_logs.py:
# regopy 1.5.2 compiles `with input.resources_by_type as ...` of this rule's deny into more than 24 GB.
import data.iacgate.lib.graph_refs
import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_nsg_flow_logs
import rego.v1

test_flow_log_states if {
	azure_nsg_flow_logs.azure_nsg_log_state({"attributes": {"enabled": true}}) == "enabled"
	azure_nsg_flow_logs.azure_nsg_log_state({"attributes": {"enabled": testing.unknown}}) == "unknown"
	azure_nsg_flow_logs.azure_nsg_log_state({"attributes": {"enabled": false}}) == "disabled"
	azure_nsg_flow_logs.azure_nsg_log_state({"attributes": {}}) == "disabled"
}

test_attachment_states if {
	known := graph_refs.graph_index(["azurerm_subnet.a", "azurerm_subnet.b", "azurerm_subnet.c"])
	recorded := graph_refs.graph_index(["azurerm_subnet.a"])
	maybe := graph_refs.graph_index(["azurerm_subnet.b"])
	azure_nsg_flow_logs.azure_nsg_attachment_state(["azurerm_subnet.a"], known, recorded, maybe) == "recorded"
	azure_nsg_flow_logs.azure_nsg_attachment_state(["azurerm_subnet.b"], known, recorded, maybe) == "maybe"
	azure_nsg_flow_logs.azure_nsg_attachment_state(["azurerm_subnet.c"], known, recorded, maybe) == "unrecorded"
}

# A subnet or interface that is no resource of the configuration, or none referred to (a literal id):
# its flow log is not in the scanned code.
test_attachment_outside_the_configuration_may_be_recorded if {
	known := graph_refs.graph_index(["azurerm_subnet.a"])
	none := graph_refs.graph_index([])
	azure_nsg_flow_logs.azure_nsg_attachment_state(["data.azurerm_subnet.x"], known, none, none) == "maybe"
	azure_nsg_flow_logs.azure_nsg_attachment_state([], known, none, none) == "maybe"
}

test_subnet_networks_are_read_from_refers_to if {
	subnet := {"id": "azurerm_subnet.a", "refers_to": [
		{"attribute": "virtual_network_name", "type": "azurerm_virtual_network", "mode": "managed", "address": "azurerm_virtual_network.hub"},
		{"attribute": "resource_group_name", "type": "azurerm_resource_group", "mode": "managed", "address": "azurerm_resource_group.net"},
	]}
	azure_nsg_flow_logs.azure_nsg_networks_of(subnet) == ["azurerm_virtual_network.hub"]
}
