package iacgate.rules.audit_logging.azure_subscription_activity_export_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_subscription_activity_export as rule
import rego.v1

subscription := testing.resource("azurerm_subscription", {"subscription_name": "payments", "alias": "payments"})

setting(attributes) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", attributes)

workspace := "/subscriptions/1/resourceGroups/audit/providers/Microsoft.OperationalInsights/workspaces/audit"

test_no_setting_fails if {
	some result in rule.deny with input.resource as subscription
		with input.related as []
	result.path == []
	not result.status
	result.message == "subscription activity log is not exported: no azurerm_monitor_diagnostic_setting targets the subscription, required an azurerm_monitor_diagnostic_setting targeting the subscription that sends Administrative, Security, Policy and Alert (or the allLogs group) to a workspace, storage account or event hub"
}

test_categories_across_settings_pass if {
	related := [
		setting({"log_analytics_workspace_id": workspace, "enabled_log": [{"category": "Administrative"}, {"category": "Security"}]}),
		setting({"storage_account_id": "/subscriptions/1/x", "enabled_log": [{"category": "Policy"}, {"category": "Alert"}]}),
	]
	count(rule.deny) == 0 with input.resource as subscription with input.related as related
}

test_all_logs_group_passes if {
	count(rule.deny) == 0 with input.resource as subscription
		with input.related as [setting({"log_analytics_workspace_id": workspace, "enabled_log": [{"category_group": "allLogs"}]})]
}

test_missing_security_fails if {
	some result in rule.deny with input.resource as subscription
		with input.related as [setting({"log_analytics_workspace_id": workspace, "enabled_log": [{"category": "Administrative"}, {"category": "Policy"}, {"category": "Alert"}]})]
	not result.status
}

test_no_destination_fails if {
	some result in rule.deny with input.resource as subscription
		with input.related as [setting({"enabled_log": [{"category_group": "allLogs"}]})]
	contains(result.message, "send logs to no destination")
}

test_unknown_categories_are_undetermined if {
	some result in rule.deny with input.resource as subscription
		with input.related as [setting({"log_analytics_workspace_id": workspace, "enabled_log": testing.unknown})]
	result.status == "undetermined"
}
