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
