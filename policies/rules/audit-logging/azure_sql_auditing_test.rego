package iacgate.rules.audit_logging.azure_sql_auditing_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_sql_audit_retention
import data.iacgate.rules.audit_logging.azure_sql_auditing
import rego.v1

# A function, not a rule: regopy 1.5.2 ignores `with input.resource as <package rule>`.
server(name) := testing.resource("azurerm_mssql_server", {"name": name})

policy(attributes) := testing.referrer("azurerm_mssql_server_extended_auditing_policy", "server_id", attributes)

test_server_without_policy_fails if {
	count(azure_sql_auditing.deny) == 1 with input.resource as server("ledger") with input.related as []
}

test_server_with_policy_passes if {
	count(azure_sql_auditing.deny) == 0 with input.resource as server("ledger") with input.related as [policy({"log_monitoring_enabled": true})]
}

test_server_with_disabled_policy_fails if {
	some result in azure_sql_auditing.deny with input.resource as server("ledger") with input.related as [policy({"enabled": false})]
	contains(result.message, "enabled = false")
}

test_inline_policy_passes if {
	count(azure_sql_auditing.deny) == 0 with input.resource as testing.resource("azurerm_mssql_server", {"extended_auditing_policy": [{"retention_in_days": 90}]})
		with input.related as []
}

test_short_retention_fails if {
	some result in azure_sql_audit_retention.deny with input.resource as testing.resource("azurerm_mssql_server_extended_auditing_policy", {"retention_in_days": 30})
		with input.related as []
	result.path == ["retention_in_days"]
}

test_forever_retention_passes if {
	count(azure_sql_audit_retention.deny) == 0 with input.resource as testing.resource("azurerm_mssql_server_extended_auditing_policy", {"retention_in_days": 0})
		with input.related as []
}

# One setting for every retention rule (issue 16 §3): settings.min_log_retention_days, default 365.
test_configured_minimum_applies if {
	count(azure_sql_audit_retention.deny) == 1 with input.resource as testing.resource("azurerm_mssql_server_extended_auditing_policy", {"retention_in_days": 120})
		with input.related as [] with input.settings as {}
	count(azure_sql_audit_retention.deny) == 0 with input.resource as testing.resource("azurerm_mssql_server_extended_auditing_policy", {"retention_in_days": 120})
		with input.related as [] with input.settings as {"min_log_retention_days": 90}
}

# Issue 16 §2: the inline extended_auditing_policy block, which LOG-AZSQL-001 accepts, is judged too.
test_inline_short_retention_fails if {
	some result in azure_sql_audit_retention.deny with input.resource as testing.resource("azurerm_mssql_server", {"extended_auditing_policy": [{"retention_in_days": 30}]})
		with input.related as []
	result.path == ["extended_auditing_policy", 0, "retention_in_days"]
}

test_inline_legacy_server_short_retention_fails if {
	some result in azure_sql_audit_retention.deny with input.resource as testing.resource("azurerm_sql_server", {"extended_auditing_policy": [{"retention_in_days": "90"}]})
		with input.related as []
	result.path == ["extended_auditing_policy", 0, "retention_in_days"]
}

test_inline_default_retention_passes if {
	count(azure_sql_audit_retention.deny) == 0 with input.resource as testing.resource("azurerm_mssql_server", {"extended_auditing_policy": [{"storage_endpoint": "https://audit.blob.core.windows.net/"}]})
		with input.related as []
}

test_server_without_inline_block_is_not_judged if {
	{"not_applicable": true} in azure_sql_audit_retention.deny with input.resource as testing.resource("azurerm_mssql_server", {"version": "12.0"})
		with input.related as []
}

test_unknown_retention_is_reported_at_its_path if {
	some result in azure_sql_audit_retention.deny with input.resource as testing.resource("azurerm_mssql_database_extended_auditing_policy", {"retention_in_days": {"__unknown__": "variable 'days' has no value"}})
		with input.related as []
	result.path == ["retention_in_days"]
}

# Pulumi azure-native (Extended)ServerBlobAuditingPolicy: the ARM state, "Enabled" or "Disabled".
test_native_policy_enabled_passes if {
	count(azure_sql_auditing.deny) == 0 with input.resource as server("ledger") with input.related as [policy({"state": "Enabled"})]
}

test_native_policy_disabled_fails if {
	some result in azure_sql_auditing.deny with input.resource as server("ledger") with input.related as [policy({"state": "Disabled"})]
	contains(result.message, "state Disabled")
}

test_native_policy_state_unknown_is_undetermined if {
	some result in azure_sql_auditing.deny with input.resource as server("ledger") with input.related as [policy({"state": testing.unknown})]
	result.status == "undetermined"
}
