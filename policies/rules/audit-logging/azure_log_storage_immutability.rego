# LOG-AZSTORAGE-002: the storage accounts audit logs are delivered to are protected by a locked
# immutability policy.
package iacgate.rules.audit_logging.azure_log_storage_immutability

import data.iacgate.lib
import rego.v1

# An account is a log destination when a diagnostic setting (resource or Entra ID), a Network Watcher
# flow log or an activity log profile writes to it (storage_account_id), or when SQL auditing does
# (storage_endpoint of the auditing policy resources or of an inline extended_auditing_policy). Other
# accounts are not this rule's concern: not applicable, never a pass.
azure_log_storage_sources contains source if {
	some pair in [
		["azurerm_monitor_diagnostic_setting", "storage_account_id"],
		["azurerm_monitor_aad_diagnostic_setting", "storage_account_id"],
		["azurerm_network_watcher_flow_log", "storage_account_id"],
		["azurerm_monitor_log_profile", "storage_account_id"],
		["azurerm_mssql_server_extended_auditing_policy", "storage_endpoint"],
		["azurerm_mssql_database_extended_auditing_policy", "storage_endpoint"],
		["azurerm_mssql_server", "extended_auditing_policy"],
		["azurerm_mssql_database", "extended_auditing_policy"],
		["azurerm_sql_server", "extended_auditing_policy"],
		["azurerm_sql_database", "extended_auditing_policy"],
	]
	some source in lib.referrers_via(pair[0], pair[1])
}

deny contains {"not_applicable": true} if count(azure_log_storage_sources) == 0

# immutability_policy (Pulumi immutabilityPolicy): state Disabled, Unlocked or Locked. Only a locked policy
# cannot be turned off again: an unlocked one is for testing, and whoever manages the account can disable
# it and then delete the logs.
policy := lib.attr_blocks("immutability_policy")[0] if {
	count(lib.attr_blocks("immutability_policy")) > 0
} else := {}

policy_path := ["immutability_policy"] if {
	is_object(lib.attr("immutability_policy"))
} else := ["immutability_policy", 0]

state := object.get(policy, "state", null)

azure_log_storage_locked if {
	is_string(state)
	lower(state) == "locked"
}

# Container-level immutability instead: an azurerm_storage_container_immutability_policy names a container
# of the account (two hops: the container's referred_by, which carries types, never values). The account
# has no policy of its own to judge, and the logs' containers may be the protected ones: not flagged.
azure_log_storage_container_policy if {
	some entry in input.related
	entry.direction == "in"
	entry.resource.type == "azurerm_storage_container"
	some far in object.get(entry, "referred_by", [])
	far.type == "azurerm_storage_container_immutability_policy"
	far.mode == "managed"
}

deny contains lib.violation(lib.missing_block_path("immutability_policy"), msg) if {
	count(azure_log_storage_sources) > 0
	count(lib.attr_blocks("immutability_policy")) == 0
	not azure_log_storage_container_policy
	msg := "audit log storage account can be emptied or its logs overwritten: immutability_policy is not set, required an immutability policy in state Locked"
}

deny contains lib.violation(array.concat(policy_path, ["state"]), msg) if {
	count(azure_log_storage_sources) > 0
	count(lib.attr_blocks("immutability_policy")) > 0
	not azure_log_storage_locked
	msg := concat("", [
		"audit log storage account can be emptied or its logs overwritten: immutability_policy.state is ",
		lib.show(state), ", required Locked",
	])
}
