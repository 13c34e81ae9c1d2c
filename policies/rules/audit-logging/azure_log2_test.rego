package iacgate.rules.audit_logging.azure_log2_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_key_vault_diagnostics
import data.iacgate.rules.audit_logging.azure_log_analytics_retention
import data.iacgate.rules.audit_logging.azure_log_profile_coverage
import data.iacgate.rules.audit_logging.azure_nsg_diagnostics
import data.iacgate.rules.audit_logging.azure_vnet_flow_logs
import rego.v1

# The Azure audit-logging rules' tests are split over azure_log2_test.rego, azure_log2_aks_test.rego,
# azure_log2_aks_more_test.rego, azure_log2_app_test.rego and azure_log2_sql_test.rego: the embedded
# engine (regopy 1.5.2) compiles every `with` of a test file over the code the rules under test reach, and
# one file holding them all needed more memory than a test engine is given (4 GB). Keep each file's
# `with` blocks few where the rules read diagnostic settings (azure.diagnostic_violation).

workspace := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit"

diagnostics(logs) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {
	"log_analytics_workspace_id": workspace,
	"enabled_log": logs,
})

azapi_diagnostics(body) := testing.referrer("azapi_resource", "parent_id", {
	"type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
	"body": body,
})

# --- azapi diagnostic settings count for every diagnostic-setting rule ----------------------------------

test_azapi_diagnostic_setting_logs_a_key_vault if {
	vault := testing.resource("azurerm_key_vault", {"name": "kv"})
	body := {"properties": {"workspaceId": workspace, "logs": [{"categoryGroup": "audit", "enabled": true}]}}
	count(azure_key_vault_diagnostics.deny) == 0 with input.resource as vault with input.related as [azapi_diagnostics(body)]
	encoded := json.marshal(body)
	count(azure_key_vault_diagnostics.deny) == 0 with input.resource as vault with input.related as [azapi_diagnostics(encoded)]
	disabled := {"properties": {"workspaceId": workspace, "logs": [{"categoryGroup": "audit", "enabled": false}]}}
	count(azure_key_vault_diagnostics.deny) == 1 with input.resource as vault with input.related as [azapi_diagnostics(disabled)]
	nowhere := {"properties": {"logs": [{"categoryGroup": "audit"}]}}
	count(azure_key_vault_diagnostics.deny) == 1 with input.resource as vault with input.related as [azapi_diagnostics(nowhere)]
}

# --- NSG diagnostics ------------------------------------------------------------------------------------

nsg := testing.resource("azurerm_network_security_group", {"name": "web"})

test_nsg_diagnostics if {
	both := [{"category": "NetworkSecurityGroupEvent"}, {"category": "NetworkSecurityGroupRuleCounter"}]
	count(azure_nsg_diagnostics.deny) == 0 with input.resource as nsg with input.related as [diagnostics(both)]
	count(azure_nsg_diagnostics.deny) == 0 with input.resource as nsg with input.related as [diagnostics([{"category_group": "allLogs"}])]
	some result in azure_nsg_diagnostics.deny with input.resource as nsg with input.related as [diagnostics([both[0]])]
	contains(result.message, "send no NetworkSecurityGroupRuleCounter")
	count(azure_nsg_diagnostics.deny) == 1 with input.resource as nsg with input.related as []
}

# --- VNet flow logs -------------------------------------------------------------------------------------

vnet := testing.resource("azurerm_virtual_network", {"name": "payments"})

flow_log(enabled) := testing.referrer("azurerm_network_watcher_flow_log", "target_resource_id", {"enabled": enabled})

test_vnet_flow_logs if {
	count(azure_vnet_flow_logs.deny) == 0 with input.resource as vnet with input.related as [flow_log(true)]
	count(azure_vnet_flow_logs.deny) == 1 with input.resource as vnet with input.related as [flow_log(false)]
	count(azure_vnet_flow_logs.deny) == 1 with input.resource as vnet with input.related as []
	some result in azure_vnet_flow_logs.deny with input.resource as vnet with input.related as [flow_log(testing.unknown)]
	result.status == "undetermined"
}

test_vnet_azapi_flow_log_passes if {
	entry := testing.referrer("azapi_resource", "body", {
		"type": "Microsoft.Network/networkWatchers/flowLogs@2023-11-01",
		"body": {"properties": {"targetResourceId": "x", "storageId": "y", "enabled": true}},
	})
	count(azure_vnet_flow_logs.deny) == 0 with input.resource as vnet with input.related as [entry]
}

# --- subscription activity log: azure_activity_log_export_test.rego (a whole-graph rule) -----------

# --- log profiles ----------------------------------------------------------------------------------------

profile(categories, locations) := testing.resource("azurerm_monitor_log_profile", {"categories": categories, "locations": locations})

test_log_profile_coverage if {
	all_regions := [region | some region in azure_log_profile_coverage.regions]
	count(azure_log_profile_coverage.deny) == 0 with input.resource as profile(["Action", "Delete", "Write"], all_regions) with input.related as []
	some categories in azure_log_profile_coverage.deny with input.resource as profile(["Write"], all_regions) with input.related as []
	categories.path == ["categories"]
	some locations in azure_log_profile_coverage.deny with input.resource as profile(["Action", "Delete", "Write"], ["West Europe", "global"]) with input.related as []
	locations.path == ["locations"]
	not contains(locations.message, "westeurope,")
}

test_azapi_virtual_network if {
	network := testing.resource("azapi_resource", {"type": "Microsoft.Network/virtualNetworks@2024-01-01", "body": {}})
	count(azure_vnet_flow_logs.deny) == 1 with input.resource as network with input.related as []
	count(azure_vnet_flow_logs.deny) == 0 with input.resource as network with input.related as [flow_log(true)]
}

# An azapi_resource whose type is unknown until apply may be a network: undetermined at its type, never
# failed (nor passed) for the flow log it has not.
test_azapi_network_of_unknown_type_is_undetermined_at_its_type if {
	maybe := testing.resource("azapi_resource", {"type": testing.unknown, "body": {"properties": {}}})
	results := azure_vnet_flow_logs.deny with input.resource as maybe with input.related as []
	count(results) == 1
	some result in results
	result.path == ["type"]
}

workspace_resource(attributes) := testing.resource("azurerm_log_analytics_workspace", attributes)

test_log_analytics_retention if {
	count(azure_log_analytics_retention.deny) == 0 with input.resource as workspace_resource({"sku": "PerGB2018", "retention_in_days": 365}) with input.related as []
	some unset in azure_log_analytics_retention.deny with input.resource as workspace_resource({"sku": "PerGB2018"}) with input.related as []
	contains(unset.message, "30 days when not set")
	count(azure_log_analytics_retention.deny) == 1 with input.resource as workspace_resource({"retention_in_days": "90"}) with input.related as []
	count(azure_log_analytics_retention.deny) == 0 with input.resource as workspace_resource({"retention_in_days": 90}) with input.related as [] with input.settings as {"min_log_retention_days": 90}
	some free in azure_log_analytics_retention.deny with input.resource as workspace_resource({"sku": "Free"}) with input.related as []
	free.path == ["sku"]
	some unknown in azure_log_analytics_retention.deny with input.resource as workspace_resource({"retention_in_days": testing.unknown}) with input.related as []
	unknown.path == ["retention_in_days"]
}

# A sku unknown until apply may be Free (7 days): the finding points at it and is undetermined.
test_log_analytics_sku_unknown_fails_at_its_path if {
	workspace := testing.resource("azurerm_log_analytics_workspace", {"sku": testing.unknown, "retention_in_days": 365})
	some result in azure_log_analytics_retention.deny with input.resource as workspace with input.related as []
	result.path == ["sku"]
}
