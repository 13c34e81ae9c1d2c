package iacgate.rules.audit_logging.azure_subscription_activity_export_more_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_subscription_activity_export as rule
import rego.v1

# Kept apart from azure_subscription_activity_export_test.rego: with all its tests in one file, regopy
# 1.5.2 crashed evaluating the file, while each test passes alone. As there, each test names local
# variables after `as` (2.49 GB with the function calls written there, 0.45 GB so).

az_sub(attributes) := testing.resource("azurerm_subscription", attributes)

az_sub_setting(attributes) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", attributes)

test_no_destination_fails if {
	subscription := az_sub({"subscription_name": "payments"})
	settings := [az_sub_setting({"enabled_log": [{"category_group": "allLogs"}]})]
	some result in rule.deny with input.resource as subscription
		with input.related as settings
	contains(result.message, "send logs to no destination")
}

test_unknown_categories_are_undetermined if {
	subscription := az_sub({"subscription_name": "payments"})
	settings := [az_sub_setting({"log_analytics_workspace_id": "/subscriptions/1/w", "enabled_log": testing.unknown})]
	some result in rule.deny with input.resource as subscription
		with input.related as settings
	result.status == "undetermined"
}
