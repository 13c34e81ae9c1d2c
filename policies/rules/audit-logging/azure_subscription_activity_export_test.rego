package iacgate.rules.audit_logging.azure_subscription_activity_export_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_subscription_activity_export as rule
import rego.v1

az_sub(attributes) := testing.resource("azurerm_subscription", attributes)

az_sub_setting(attributes) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", attributes)


test_no_setting_fails if {
	some result in rule.deny with input.resource as az_sub({"subscription_name": "payments"})
		with input.related as []
	result.path == []
	not result.status
	result.message == "subscription activity log is not exported: no azurerm_monitor_diagnostic_setting targets the subscription, required an azurerm_monitor_diagnostic_setting targeting the subscription that sends Administrative, Security, Policy and Alert (or the allLogs group) to a workspace, storage account or event hub"
}

test_categories_across_settings_pass if {
	count(rule.deny) == 0 with input.resource as az_sub({"subscription_name": "payments"})
		with input.related as [
			az_sub_setting({"log_analytics_workspace_id": "/subscriptions/1/w", "enabled_log": [{"category": "Administrative"}, {"category": "Security"}]}),
			az_sub_setting({"storage_account_id": "/subscriptions/1/x", "enabled_log": [{"category": "Policy"}, {"category": "Alert"}]}),
		]
}

test_all_logs_group_passes if {
	count(rule.deny) == 0 with input.resource as az_sub({"subscription_name": "payments"})
		with input.related as [az_sub_setting({"log_analytics_workspace_id": "/subscriptions/1/w", "enabled_log": [{"category_group": "allLogs"}]})]
}
