package iacgate.rules.audit_logging.azure_network_flow_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_flow_log_retention
import rego.v1

log(retention) := testing.resource("azurerm_network_watcher_flow_log", {"enabled": true, "retention_policy": retention})

test_retention_a_year_passes if {
	count(azure_flow_log_retention.deny) == 0 with input.resource as log([{"enabled": true, "days": 365}]) with input.related as []
}

# One setting for every retention rule (issue 16 §3): settings.min_log_retention_days, default 365.
test_retention_90_fails_by_default_and_passes_a_90_day_minimum if {
	some result in azure_flow_log_retention.deny with input.resource as log([{"enabled": true, "days": 90}]) with input.related as []
	result.path == ["retention_policy", 0, "days"]
	count(azure_flow_log_retention.deny) == 0 with input.resource as log([{"enabled": true, "days": 90}])
		with input.related as []
		with input.settings as {"min_log_retention_days": 90}
}

# Issue 16 §2: unknown days (days = var.x.days, an undeclared variable) are reported at their path, so the
# engine calls them undetermined; never a pass.
test_unknown_days_are_reported_at_their_path if {
	some result in azure_flow_log_retention.deny with input.resource as log([{"enabled": true, "days": {"__unknown__": "variable 'x' has no value"}}]) with input.related as []
	result.path == ["retention_policy", 0, "days"]
}

test_unknown_block_is_reported_at_its_path if {
	some result in azure_flow_log_retention.deny with input.resource as log({"__unknown__": "known after apply"}) with input.related as []
	result.path == ["retention_policy"]
}

test_unknown_enabled_with_a_year_is_reported_at_enabled_only if {
	results := azure_flow_log_retention.deny with input.resource as log([{"enabled": {"__unknown__": "known after apply"}, "days": 365}]) with input.related as []
	[result.path | some result in results] == [["retention_policy", 0, "enabled"]]
}

test_retention_forever_passes if {
	count(azure_flow_log_retention.deny) == 0 with input.resource as log([{"enabled": true, "days": 0}]) with input.related as []
}

test_retention_short_fails if {
	some result in azure_flow_log_retention.deny with input.resource as log([{"enabled": true, "days": 7}]) with input.related as []
	result.path == ["retention_policy", 0, "days"]
}

test_retention_disabled_fails if {
	some result in azure_flow_log_retention.deny with input.resource as log([{"enabled": false, "days": 0}]) with input.related as []
	result.path == ["retention_policy", 0, "enabled"]
}
