package iacgate.rules.audit_logging.azure_log2_aks_more_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_aks_logging
import rego.v1

# AKS tests of the Azure audit-logging rules (see azure_log2_test.rego). Every test names local variables
# after `as`: regopy 1.5.2 compiles a `with` whose value is written out (a function call, even `[]`)
# several times larger (3.16 GB for this file that way, 0.98 GB so).

workspace := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit"

diagnostics(logs) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {
	"log_analytics_workspace_id": workspace,
	"enabled_log": logs,
})

azapi_diagnostics(body) := testing.referrer("azapi_resource", "parent_id", {
	"type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
	"body": body,
})

# AKS tests of the Azure audit-logging rules, continued (see azure_log2_test.rego).

aks(attributes) := testing.resource("azurerm_kubernetes_cluster", attributes)

azapi_cluster(body) := testing.resource("azapi_resource", {"type": "Microsoft.ContainerService/managedClusters@2024-05-01", "body": body})

test_azapi_managed_cluster if {
	none := []
	oms := {"properties": {"addonProfiles": {"omsagent": {"enabled": true, "config": {"logAnalyticsWorkspaceResourceID": workspace}}}}}
	subject := azapi_cluster(oms)
	count(azure_aks_logging.deny) == 0 with input.resource as subject with input.related as none
	subject2 := azapi_cluster({"properties": {"dnsPrefix": "payments"}})
	some result in azure_aks_logging.deny with input.resource as subject2 with input.related as none
	result.path == ["body", "properties", "addonProfiles"]
	subject3 := azapi_cluster({"properties": {}})
	related := [diagnostics([{"category": "kube-audit"}])]
	count(azure_aks_logging.deny) == 0 with input.resource as subject3 with input.related as related
	subject4 := azapi_cluster({"properties": testing.unknown})
	some unknown in azure_aks_logging.deny with input.resource as subject4 with input.related as none
	unknown.status == "undetermined"
	other := testing.resource("azapi_resource", {"type": "Microsoft.Storage/storageAccounts@2023-05-01", "body": {}})
	some skipped in azure_aks_logging.deny with input.resource as other with input.related as none
	skipped.not_applicable
}

# A diagnostic setting targeting the cluster whose logs are unknown until apply may send kube-audit:
# undetermined (azure.diagnostic_violation), never failed and never passed.
test_aks_with_an_unknown_azapi_diagnostic_body_is_undetermined if {
	subject := aks({})
	related := [azapi_diagnostics(testing.unknown)]
	results := azure_aks_logging.deny with input.resource as subject with input.related as related
	count(results) == 1
	some result in results
	result.status == "undetermined"
}

test_aks_with_an_unknown_enabled_entry_is_undetermined if {
	entry := {"properties": {"workspaceId": workspace, "logs": [{"category": "kube-audit", "enabled": testing.unknown}]}}
	subject := azapi_cluster({"properties": {}})
	related := [azapi_diagnostics(entry)]
	results := azure_aks_logging.deny with input.resource as subject with input.related as related
	count(results) == 1
	some result in results
	result.status == "undetermined"
}

test_aks_with_an_unknown_older_log_block_is_undetermined if {
	older := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {
		"log_analytics_workspace_id": workspace,
		"log": [{"category": "kube-audit", "enabled": testing.unknown}],
	})
	subject := aks({})
	related := [older]
	results := azure_aks_logging.deny with input.resource as subject with input.related as related
	count(results) == 1
	some result in results
	result.status == "undetermined"
}

# An azapi_resource whose type is unknown until apply may be a cluster: undetermined at its type, never
# failed for the add-on it has not.
test_azapi_resource_of_unknown_type_is_undetermined_at_its_type if {
	none := []
	maybe := testing.resource("azapi_resource", {"type": testing.unknown, "body": {"properties": {}}})
	results := azure_aks_logging.deny with input.resource as maybe with input.related as none
	count(results) == 1
	some result in results
	result.path == ["type"]
}

# An azapi_resource whose type and body are both unknown until apply (Azure Verified Modules' utility
# outputs) is judged at its type only: one undetermined finding, not a second one on the body.
test_azapi_unknown_type_and_body_one_finding if {
	none := []
	subject := testing.resource("azapi_resource", {"type": testing.unknown, "body": testing.unknown})
	results := azure_aks_logging.deny with input.resource as subject
		with input.related as none
	count(results) == 1
	some result in results
	result.path == ["type"]
}

# Pulumi azure-native ManagedCluster: addonProfiles.omsagent, the ARM add-on map.
native_cluster(enabled) := testing.resource("azurerm_kubernetes_cluster", {"addon_profiles": {"omsagent": {
	"enabled": enabled,
	"config": {"log_analytics_workspace_resource_id": workspace},
}}})

test_native_container_insights_passes if {
	none := []
	subject := native_cluster(true)
	count(azure_aks_logging.deny) == 0 with input.resource as subject with input.related as none
}

test_native_container_insights_off_fails if {
	none := []
	subject := native_cluster(false)
	some result in azure_aks_logging.deny with input.resource as subject with input.related as none
	result.path == ["addon_profiles", "omsagent", "enabled"]
}
