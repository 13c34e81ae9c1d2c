package iacgate.rules.audit_logging.azure_log2_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_aks_logging
import data.iacgate.rules.audit_logging.azure_app_detailed_logs
import data.iacgate.rules.audit_logging.azure_app_http_logs
import data.iacgate.rules.audit_logging.azure_function_builtin_logging
import data.iacgate.rules.audit_logging.azure_key_vault_diagnostics
import data.iacgate.rules.audit_logging.azure_log_analytics_retention
import data.iacgate.rules.audit_logging.azure_log_profile_coverage
import data.iacgate.rules.audit_logging.azure_nsg_diagnostics
import data.iacgate.rules.audit_logging.azure_postgresql_configuration_logging
import data.iacgate.rules.audit_logging.azure_sql_auditing
import data.iacgate.rules.audit_logging.azure_sql_database_auditing
import data.iacgate.rules.audit_logging.azure_vnet_flow_logs
import rego.v1

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

# --- App Service ----------------------------------------------------------------------------------------

app(type_name, attributes) := testing.resource(type_name, attributes)

test_http_logs if {
	logged := {"logs": [{"http_logs": [{"file_system": [{"retention_in_days": 30, "retention_in_mb": 35}]}]}]}
	count(azure_app_http_logs.deny) == 0 with input.resource as app("azurerm_linux_web_app", logged) with input.related as []
	pulumi := {"logs": {"http_logs": {"azure_blob_storage": {"sas_url": "https://x", "retention_in_days": 30}}}}
	count(azure_app_http_logs.deny) == 0 with input.resource as app("azurerm_windows_web_app", pulumi) with input.related as []
	count(azure_app_http_logs.deny) == 0 with input.resource as app("azurerm_app_service", {}) with input.related as [diagnostics([{"category": "AppServiceHTTPLogs"}])]
	some result in azure_app_http_logs.deny with input.resource as app("azurerm_linux_web_app", {"logs": [{"detailed_error_messages": true}]}) with input.related as []
	result.path == ["logs", 0, "http_logs"]
	count(azure_app_http_logs.deny) == 1 with input.resource as app("azurerm_linux_web_app", {}) with input.related as []
}

test_detailed_logs if {
	on := {"logs": [{"detailed_error_messages": true, "failed_request_tracing": true}]}
	count(azure_app_detailed_logs.deny) == 0 with input.resource as app("azurerm_linux_web_app", on) with input.related as []
	legacy := {"logs": [{"detailed_error_messages_enabled": true, "failed_request_tracing_enabled": true}]}
	count(azure_app_detailed_logs.deny) == 0 with input.resource as app("azurerm_app_service", legacy) with input.related as []
	count(azure_app_detailed_logs.deny) == 2 with input.resource as app("azurerm_app_service", on) with input.related as []
	count(azure_app_detailed_logs.deny) == 2 with input.resource as app("azurerm_linux_web_app", {}) with input.related as []
}

test_function_builtin_logging if {
	count(azure_function_builtin_logging.deny) == 0 with input.resource as app("azurerm_linux_function_app", {}) with input.related as []
	count(azure_function_builtin_logging.deny) == 1 with input.resource as app("azurerm_linux_function_app", {"builtin_logging_enabled": false}) with input.related as []
	count(azure_function_builtin_logging.deny) == 1 with input.resource as app("azurerm_function_app", {"enable_builtin_logging": "false"}) with input.related as []
	count(azure_function_builtin_logging.deny) == 0 with input.resource as app("azurerm_function_app", {"builtin_logging_enabled": false}) with input.related as []
}

# --- PostgreSQL configuration ---------------------------------------------------------------------------

configuration(name, value) := testing.resource("azurerm_postgresql_configuration", {"name": name, "value": value, "server_name": "ledger"})

test_configuration_turning_logging_off_fails if {
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration("log_connections", "off") with input.related as []
	result.path == ["value"]
	count(azure_postgresql_configuration_logging.deny) == 0 with input.resource as configuration("log_connections", "ON") with input.related as []
}

test_configuration_of_a_declared_server_is_left_to_azpg_001 if {
	edge := {"direction": "out", "attribute": "server_name", "resource": testing.resource("azurerm_postgresql_server", {})}
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration("log_connections", "off") with input.related as [edge]
	result.not_applicable
}

test_other_parameters_are_not_applicable if {
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration("work_mem", "off") with input.related as []
	result.not_applicable
}

test_unknown_name_is_judged if {
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration(testing.unknown, "off") with input.related as []
	result.path == ["name"]
}

# --- SQL auditing: legacy servers, Pulumi objects, unknowns --------------------------------------------

legacy_server(attributes) := testing.resource("azurerm_sql_server", attributes)

test_legacy_sql_server_inline_auditing if {
	inline := {"extended_auditing_policy": [{"storage_endpoint": "https://acmeaudit.blob.core.windows.net/", "retention_in_days": 365}]}
	count(azure_sql_auditing.deny) == 0 with input.resource as legacy_server(inline) with input.related as []
	pulumi := {"extended_auditing_policy": {"storage_endpoint": "https://acmeaudit.blob.core.windows.net/"}}
	count(azure_sql_auditing.deny) == 0 with input.resource as legacy_server(pulumi) with input.related as []
	count(azure_sql_auditing.deny) == 1 with input.resource as legacy_server({}) with input.related as []
	off := {"extended_auditing_policy": [{"enabled": false}]}
	count(azure_sql_auditing.deny) == 1 with input.resource as legacy_server(off) with input.related as []
}

test_unknown_enabled_is_undetermined_never_a_pass if {
	policy := testing.referrer("azurerm_mssql_server_extended_auditing_policy", "server_id", {"enabled": testing.unknown})
	results := azure_sql_auditing.deny with input.resource as testing.resource("azurerm_mssql_server", {}) with input.related as [policy]
	count(results) == 1
	some result in results
	result.status == "undetermined"
	some inline in azure_sql_auditing.deny with input.resource as legacy_server({"extended_auditing_policy": testing.unknown}) with input.related as []
	inline.status == "undetermined"
}

database(type_name, attributes) := testing.resource(type_name, attributes)

test_database_auditing_disabled_fails if {
	policy := testing.referrer("azurerm_mssql_database_extended_auditing_policy", "database_id", {"enabled": false})
	some result in azure_sql_database_auditing.deny with input.resource as database("azurerm_mssql_database", {}) with input.related as [policy]
	result.path == []
	inline := {"extended_auditing_policy": [{"enabled": false, "storage_endpoint": "https://x"}]}
	some legacy in azure_sql_database_auditing.deny with input.resource as database("azurerm_sql_database", inline) with input.related as []
	legacy.path == ["extended_auditing_policy", 0, "enabled"]
}

test_database_auditing_enabled_passes if {
	policy := testing.referrer("azurerm_mssql_database_extended_auditing_policy", "database_id", {"storage_endpoint": "https://x"})
	count(azure_sql_database_auditing.deny) == 0 with input.resource as database("azurerm_mssql_database", {}) with input.related as [policy]
	pulumi := {"extended_auditing_policy": {"storage_endpoint": "https://x"}}
	count(azure_sql_database_auditing.deny) == 0 with input.resource as database("azurerm_sql_database", pulumi) with input.related as []
}

test_database_without_own_policy_is_left_to_the_server if {
	some result in azure_sql_database_auditing.deny with input.resource as database("azurerm_mssql_database", {}) with input.related as []
	result.not_applicable
}

test_database_policy_unknown_is_undetermined if {
	policy := testing.referrer("azurerm_mssql_database_extended_auditing_policy", "database_id", {"enabled": testing.unknown})
	some result in azure_sql_database_auditing.deny with input.resource as database("azurerm_mssql_database", {}) with input.related as [policy]
	result.status == "undetermined"
}

azapi_cluster(body) := testing.resource("azapi_resource", {"type": "Microsoft.ContainerService/managedClusters@2024-05-01", "body": body})

test_azapi_managed_cluster if {
	oms := {"properties": {"addonProfiles": {"omsagent": {"enabled": true, "config": {"logAnalyticsWorkspaceResourceID": workspace}}}}}
	count(azure_aks_logging.deny) == 0 with input.resource as azapi_cluster(oms) with input.related as []
	some result in azure_aks_logging.deny with input.resource as azapi_cluster({"properties": {"dnsPrefix": "payments"}}) with input.related as []
	result.path == ["body", "properties", "addonProfiles"]
	count(azure_aks_logging.deny) == 0 with input.resource as azapi_cluster({"properties": {}}) with input.related as [diagnostics([{"category": "kube-audit"}])]
	some unknown in azure_aks_logging.deny with input.resource as azapi_cluster({"properties": testing.unknown}) with input.related as []
	unknown.status == "undetermined"
	other := testing.resource("azapi_resource", {"type": "Microsoft.Storage/storageAccounts@2023-05-01", "body": {}})
	some skipped in azure_aks_logging.deny with input.resource as other with input.related as []
	skipped.not_applicable
}

test_azapi_virtual_network if {
	network := testing.resource("azapi_resource", {"type": "Microsoft.Network/virtualNetworks@2024-01-01", "body": {}})
	count(azure_vnet_flow_logs.deny) == 1 with input.resource as network with input.related as []
	count(azure_vnet_flow_logs.deny) == 0 with input.resource as network with input.related as [flow_log(true)]
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
