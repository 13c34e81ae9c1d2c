package iacgate.rules.audit_logging.azure_log_storage_immutability_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_log_storage_immutability as rule
import rego.v1

az_log_account(attributes) := testing.resource("azurerm_storage_account", attributes)


test_account_no_log_is_written_to_is_not_applicable if {
	some result in rule.deny with input.resource as az_log_account({"name": "media"})
		with input.related as []
	result.not_applicable
}

test_locked_policy_passes if {
	count(rule.deny) == 0 with input.resource as az_log_account({"immutability_policy": [{"state": "Locked", "period_since_creation_in_days": 365, "allow_protected_append_writes": true}]})
		with input.related as [testing.referrer("azurerm_monitor_diagnostic_setting", "storage_account_id", {"name": "audit"})]
}

test_missing_policy_fails if {
	some result in rule.deny with input.resource as az_log_account({"name": "audit"})
		with input.related as [testing.referrer("azurerm_monitor_diagnostic_setting", "storage_account_id", {"name": "audit"})]
	result.path == ["immutability_policy"]
}

test_unlocked_policy_fails if {
	some result in rule.deny with input.resource as az_log_account({"immutability_policy": {"state": "Unlocked"}})
		with input.related as [testing.referrer("azurerm_network_watcher_flow_log", "storage_account_id", {})]
	result.path == ["immutability_policy", "state"]
	result.message == "audit log storage account can be emptied or its logs overwritten: immutability_policy.state is Unlocked, required Locked"
}

test_sql_auditing_destination_is_judged if {
	some result in rule.deny with input.resource as az_log_account({"immutability_policy": [{"state": "Disabled"}]})
		with input.related as [testing.referrer("azurerm_mssql_server_extended_auditing_policy", "storage_endpoint", {})]
	result.path == ["immutability_policy", 0, "state"]
}

test_unknown_state_is_reported_at_its_path if {
	some result in rule.deny with input.resource as az_log_account({"immutability_policy": [{"state": testing.unknown}]})
		with input.related as [testing.referrer("azurerm_monitor_diagnostic_setting", "storage_account_id", {"name": "audit"})]
	result.path == ["immutability_policy", 0, "state"]
}

# Container-level immutability (#15): an azurerm_storage_container_immutability_policy names a container of
# the account, two hops away (the container's referred_by). A container without one does not count.
az_log_container(referred_by) := object.union(
	testing.referrer("azurerm_storage_container", "storage_account_id", {"name": "flow-logs"}),
	{"referred_by": referred_by},
)

test_container_level_policy_is_not_flagged if {
	count(rule.deny) == 0 with input.resource as az_log_account({"name": "audit"})
		with input.related as [
			testing.referrer("azurerm_monitor_diagnostic_setting", "storage_account_id", {"name": "audit"}),
			az_log_container([{
				"attribute": "storage_container_resource_manager_id",
				"type": "azurerm_storage_container_immutability_policy", "mode": "managed",
				"address": "azurerm_storage_container_immutability_policy.logs",
			}]),
		]
	some result in rule.deny with input.resource as az_log_account({"name": "audit"})
		with input.related as [
			testing.referrer("azurerm_monitor_diagnostic_setting", "storage_account_id", {"name": "audit"}),
			az_log_container([]),
		]
	result.path == ["immutability_policy"]
}
