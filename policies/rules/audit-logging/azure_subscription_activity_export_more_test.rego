package iacgate.rules.audit_logging.azure_subscription_activity_export_more_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_subscription_activity_export as rule
import rego.v1

# Kept apart from azure_subscription_activity_export_test.rego: with all its tests in one file, regopy
# 1.5.2 crashed evaluating the file, while each test passes alone.

az_sub(attributes) := testing.resource("azurerm_subscription", attributes)

az_sub_setting(attributes) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", attributes)


test_no_destination_fails if {
	some result in rule.deny with input.resource as az_sub({"subscription_name": "payments"})
		with input.related as [az_sub_setting({"enabled_log": [{"category_group": "allLogs"}]})]
	contains(result.message, "send logs to no destination")
}

test_unknown_categories_are_undetermined if {
	some result in rule.deny with input.resource as az_sub({"subscription_name": "payments"})
		with input.related as [az_sub_setting({"log_analytics_workspace_id": "/subscriptions/1/w", "enabled_log": testing.unknown})]
	result.status == "undetermined"
}
