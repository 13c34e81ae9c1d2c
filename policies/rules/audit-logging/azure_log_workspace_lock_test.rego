package iacgate.rules.audit_logging.azure_log_workspace_lock_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_log_workspace_lock
import rego.v1

azure_lock_node(type_name, name, attributes) := object.union(testing.resource(type_name, attributes), {"id": concat(".", [type_name, name]), "mode": "managed"})

azure_lock_by_type(resources) := {type_name: [r | some r in resources; r.type == type_name] |
	some resource in resources
	type_name := resource.type
}

# The resource as a whole-graph input gives it: with what it refers to through `attribute` (refers_to).
azure_lock_referring(resource, attribute, target) := object.union(resource, {"refers_to": [{"attribute": attribute, "type": target.type, "mode": target.mode, "address": target.id}]})

workspace := azure_lock_node("azurerm_log_analytics_workspace", "audit", {"name": "audit", "resource_group_name": "payments-prod", "retention_in_days": 365})

lock(name, scope, level) := azure_lock_node("azurerm_management_lock", name, {"name": name, "scope": scope, "lock_level": level})

test_workspace_without_lock_fails if {
	results := azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([workspace])
	count(results) == 1
	some result in results
	result.resource == workspace.id
	contains(result.message, "can be deleted")
	object.get(result, "status", "failed") == "failed"
}

test_lock_on_the_workspace_passes if {
	cannot_delete := azure_lock_referring(lock("ws", testing.unknown, "CanNotDelete"), "scope", workspace)
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, cannot_delete])
	read_only := azure_lock_referring(lock("ws", testing.unknown, "ReadOnly"), "scope", workspace)
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, read_only])
}

test_literal_scope_of_the_workspace_passes if {
	literal := lock("ws", "/subscriptions/x/resourceGroups/Payments-Prod/providers/Microsoft.OperationalInsights/workspaces/audit", "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, literal])
}

test_lock_on_the_resource_group_passes if {
	group := azure_lock_node("azurerm_resource_group", "payments", {"name": "payments-prod", "location": "westeurope"})
	in_group := azure_lock_referring(azure_lock_node("azurerm_log_analytics_workspace", "audit", {"name": "audit", "resource_group_name": testing.unknown}), "resource_group_name", group)
	group_lock := azure_lock_referring(lock("rg", testing.unknown, "CanNotDelete"), "scope", group)
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([group, in_group, group_lock])
	literal := lock("rg", "/subscriptions/x/resourceGroups/payments-prod", "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, literal])
}

test_locks_elsewhere_do_not_protect if {
	other_group := lock("rg", "/subscriptions/x/resourceGroups/other", "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 1 with input.resources_by_type as azure_lock_by_type([workspace, other_group])
	account := azure_lock_node("azurerm_storage_account", "logs", {"name": "logs"})
	on_account := azure_lock_referring(lock("account", testing.unknown, "CanNotDelete"), "scope", account)
	count(azure_log_workspace_lock.deny) == 1 with input.resources_by_type as azure_lock_by_type([workspace, account, on_account])
}

test_unknown_lock_level_or_scope_is_undetermined if {
	level := azure_lock_referring(lock("ws", testing.unknown, testing.unknown), "scope", workspace)
	some result in azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([workspace, level])
	result.status == "undetermined"
	scope := lock("somewhere", testing.unknown, "CanNotDelete")
	some other in azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([workspace, scope])
	other.status == "undetermined"
}

test_data_workspace_is_not_applicable if {
	read := object.union(workspace, {"mode": "data"})
	some result in azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([read])
	result.not_applicable
}
