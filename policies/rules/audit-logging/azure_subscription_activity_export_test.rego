package iacgate.rules.audit_logging.azure_subscription_activity_export_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_subscription_activity_export as rule
import rego.v1

az_sub(attributes) := testing.resource("azurerm_subscription", attributes)

az_sub_setting(attributes) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", attributes)

# Each test builds its input in local variables and names only those after `as`: regopy 1.5.2 compiles a
# `with` whose value is written out (a function call, even a literal `[]`) several times larger, and this
# file took 3.98 GB of the 4 GB a test file may use that way (0.63 GB so; the second test alone 2.16 GB
# against 0.27 GB).

test_no_setting_fails if {
	subscription := az_sub({"subscription_name": "payments"})
	settings := []
	some result in rule.deny with input.resource as subscription
		with input.related as settings
	result.path == []
	not result.status
	result.message == "subscription activity log is not exported: no azurerm_monitor_diagnostic_setting targets the subscription, required an azurerm_monitor_diagnostic_setting targeting the subscription that sends Administrative, Security, Policy and Alert (or the allLogs group) to a workspace, storage account or event hub"
}

test_categories_across_settings_pass if {
	subscription := az_sub({"subscription_name": "payments"})
	settings := [
		az_sub_setting({"log_analytics_workspace_id": "/subscriptions/1/w", "enabled_log": [{"category": "Administrative"}, {"category": "Security"}]}),
		az_sub_setting({"storage_account_id": "/subscriptions/1/x", "enabled_log": [{"category": "Policy"}, {"category": "Alert"}]}),
	]
	count(rule.deny) == 0 with input.resource as subscription
		with input.related as settings
}

test_all_logs_group_passes if {
	subscription := az_sub({"subscription_name": "payments"})
	settings := [az_sub_setting({"log_analytics_workspace_id": "/subscriptions/1/w", "enabled_log": [{"category_group": "allLogs"}]})]
	count(rule.deny) == 0 with input.resource as subscription
		with input.related as settings
}
