package iacgate.rules.audit_logging.azure_log2_aks_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_aks_logging
import rego.v1

# AKS tests of the Azure audit-logging rules (see azure_log2_test.rego).

workspace := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit"

diagnostics(logs) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {
	"log_analytics_workspace_id": workspace,
	"enabled_log": logs,
})

azapi_diagnostics(body) := testing.referrer("azapi_resource", "parent_id", {
	"type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
	"body": body,
})

# --- AKS ----------------------------------------------------------------------------------------------

aks(attributes) := testing.resource("azurerm_kubernetes_cluster", attributes)

test_aks_with_oms_agent_passes if {
	count(azure_aks_logging.deny) == 0 with input.resource as aks({"oms_agent": [{"log_analytics_workspace_id": workspace}]}) with input.related as []
	count(azure_aks_logging.deny) == 0 with input.resource as aks({"oms_agent": {"log_analytics_workspace_id": testing.unknown}}) with input.related as []
	legacy := {"addon_profile": [{"oms_agent": [{"enabled": true, "log_analytics_workspace_id": workspace}]}]}
	count(azure_aks_logging.deny) == 0 with input.resource as aks(legacy) with input.related as []
}

test_aks_with_kube_audit_diagnostics_passes if {
	count(azure_aks_logging.deny) == 0 with input.resource as aks({}) with input.related as [diagnostics([{"category": "kube-audit-admin"}])]
}

test_aks_without_monitoring_fails if {
	some result in azure_aks_logging.deny with input.resource as aks({}) with input.related as []
	result.path == []
	contains(result.message, "no azurerm_monitor_diagnostic_setting targets the cluster")
	some other in azure_aks_logging.deny with input.resource as aks({}) with input.related as [diagnostics([{"category": "kube-apiserver"}])]
	contains(other.message, "send no kube-audit")
	legacy := {"addon_profile": [{"oms_agent": [{"enabled": false, "log_analytics_workspace_id": workspace}]}]}
	count(azure_aks_logging.deny) == 1 with input.resource as aks(legacy) with input.related as []
}

test_aks_unknown_oms_agent_is_undetermined if {
	some result in azure_aks_logging.deny with input.resource as aks({"oms_agent": testing.unknown}) with input.related as []
	result.status == "undetermined"
}
