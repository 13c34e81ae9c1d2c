package iacgate.rules.audit_logging.azure_log2_app_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_app_detailed_logs
import data.iacgate.rules.audit_logging.azure_app_http_logs
import data.iacgate.rules.audit_logging.azure_function_builtin_logging
import rego.v1

# App Service and Function App tests of the Azure audit-logging rules (see azure_log2_test.rego).

workspace := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit"

diagnostics(logs) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {
	"log_analytics_workspace_id": workspace,
	"enabled_log": logs,
})

azapi_diagnostics(body) := testing.referrer("azapi_resource", "parent_id", {
	"type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
	"body": body,
})

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

# A diagnostic setting targeting the app whose logs are unknown until apply may send AppServiceHTTPLogs.
test_http_logs_with_an_unknown_azapi_diagnostic_body_are_undetermined if {
	results := azure_app_http_logs.deny with input.resource as app("azurerm_linux_web_app", {}) with input.related as [azapi_diagnostics(testing.unknown)]
	count(results) == 1
	some result in results
	result.status == "undetermined"
}

test_http_logs_with_an_unknown_enabled_entry_are_undetermined if {
	entry := {"properties": {"workspaceId": workspace, "logs": [{"category": "AppServiceHTTPLogs", "enabled": testing.unknown}]}}
	results := azure_app_http_logs.deny with input.resource as app("azurerm_linux_web_app", {}) with input.related as [azapi_diagnostics(entry)]
	count(results) == 1
	some result in results
	result.status == "undetermined"
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
