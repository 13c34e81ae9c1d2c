package iacgate.rules.audit_logging.azure_activity_log_retention_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_activity_log_retention
import rego.v1

profile(retention) := testing.resource("azurerm_monitor_log_profile", {"retention_policy": retention})

test_year_passes if {
	count(azure_activity_log_retention.deny) == 0 with input.resource as profile([{"enabled": true, "days": 365}]) with input.related as []
}

test_forever_passes if {
	count(azure_activity_log_retention.deny) == 0 with input.resource as profile([{"enabled": false}]) with input.related as []
}

test_short_fails if {
	some result in azure_activity_log_retention.deny with input.resource as profile([{"enabled": true, "days": 30}]) with input.related as []
	result.path == ["retention_policy", 0, "days"]
	contains(result.message, "30 days")
}

# Issue 16 §2: unknown retention is reported at its path (undetermined), never a pass.
test_unknown_days_are_reported if {
	some result in azure_activity_log_retention.deny with input.resource as profile([{"enabled": true, "days": {"__unknown__": "variable 'x' has no value"}}]) with input.related as []
	result.path == ["retention_policy", 0, "days"]
}

test_unknown_enabled_with_short_days_is_reported_at_enabled if {
	some result in azure_activity_log_retention.deny with input.resource as profile([{"enabled": {"__unknown__": "known after apply"}, "days": 30}]) with input.related as []
	result.path == ["retention_policy", 0, "enabled"]
}

test_unknown_enabled_with_a_year_passes if {
	count(azure_activity_log_retention.deny) == 0 with input.resource as profile([{"enabled": {"__unknown__": "known after apply"}, "days": 365}]) with input.related as []
}

test_minimum_is_the_shared_setting if {
	count(azure_activity_log_retention.deny) == 0 with input.resource as profile([{"enabled": true, "days": 90}])
		with input.related as []
		with input.settings as {"min_log_retention_days": 90}
}
