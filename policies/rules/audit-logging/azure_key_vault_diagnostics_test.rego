package iacgate.rules.audit_logging.azure_key_vault_diagnostics_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_key_vault_diagnostics
import rego.v1

# A function, not a rule: regopy 1.5.2 ignores `with input.resource as <package rule>`.
vault(name) := testing.resource("azurerm_key_vault", {"name": name})

setting(attributes) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", attributes)

test_vault_without_setting_fails if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme") with input.related as []
	contains(result.message, "no azurerm_monitor_diagnostic_setting")
}

test_audit_event_passes if {
	count(azure_key_vault_diagnostics.deny) == 0 with input.resource as vault("acme")
		with input.related as [setting({"log_analytics_workspace_id": testing.unknown, "enabled_log": [{"category": "AuditEvent"}]})]
}

test_all_logs_group_passes if {
	count(azure_key_vault_diagnostics.deny) == 0 with input.resource as vault("acme")
		with input.related as [setting({"storage_account_id": "/subscriptions/x/sa", "enabled_log": [{"category_group": "allLogs"}]})]
}

test_legacy_log_block_passes if {
	count(azure_key_vault_diagnostics.deny) == 0 with input.resource as vault("acme")
		with input.related as [setting({"storage_account_id": "/subscriptions/x/sa", "log": [{"category": "AuditEvent", "enabled": true}]})]
}

test_metrics_only_fails if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme")
		with input.related as [setting({"log_analytics_workspace_id": "/w", "metric": [{"category": "AllMetrics"}]})]
	contains(result.message, "send no AuditEvent")
}

test_disabled_legacy_log_fails if {
	count(azure_key_vault_diagnostics.deny) == 1 with input.resource as vault("acme")
		with input.related as [setting({"log_analytics_workspace_id": "/w", "log": [{"category": "AuditEvent", "enabled": false}]})]
}

azapi_setting(logs) := testing.referrer("azapi_resource", "parent_id", {
	"type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
	"body": {"properties": {"workspaceId": "/w", "logs": logs}},
})

test_legacy_log_block_enabled_unknown_is_undetermined if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme")
		with input.related as [setting({"log_analytics_workspace_id": "/w", "log": [{"category": "AuditEvent", "enabled": testing.unknown}]})]
	result.status == "undetermined"
}

test_azapi_entry_enabled_unknown_is_undetermined if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme")
		with input.related as [azapi_setting([{"category": "AuditEvent", "enabled": testing.unknown}])]
	result.status == "undetermined"
}

test_azapi_entry_enabled_passes if {
	count(azure_key_vault_diagnostics.deny) == 0 with input.resource as vault("acme")
		with input.related as [azapi_setting([{"category": "AuditEvent", "enabled": true}])]
}

test_azapi_body_unknown_is_undetermined if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme")
		with input.related as [testing.referrer("azapi_resource", "parent_id", {"type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview", "body": testing.unknown})]
	result.status == "undetermined"
}

# A dynamic "enabled_log" over data.azurerm_monitor_diagnostic_categories: the categories are unknown until
# apply, so the vault is undetermined, not failed.
test_dynamic_enabled_log_is_undetermined if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme")
		with input.related as [setting({"log_analytics_workspace_id": "/w", "enabled_log": testing.unknown})]
	result.status == "undetermined"
}

# azurerm 3 computes log beside a written enabled_log: a plan shows it unknown, which is no doubt.
test_computed_log_beside_written_enabled_log_still_fails if {
	some result in azure_key_vault_diagnostics.deny with input.resource as vault("acme")
		with input.related as [setting({"log_analytics_workspace_id": "/w", "enabled_log": [{"category": "AzurePolicyEvaluationDetails"}], "log": testing.unknown})]
	result.status == "fail"
}
