package iacgate.rules.audit_logging.azure_log_workspace_lock_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_log_workspace_lock
import rego.v1

azure_lock_node(type_name, name, attributes) := object.union(testing.resource(type_name, attributes), {"id": concat(".", [type_name, name]), "mode": "managed"})

azure_lock_by_type(resources) := {type_name: [r | some r in resources; r.type == type_name] |
	some resource in resources
	type_name := resource.type
}

azure_lock_edge(source, target, attribute) := {"source": source.id, "target": target.id, "kind": "reference", "attribute": attribute}

workspace := azure_lock_node("azurerm_log_analytics_workspace", "audit", {"name": "audit", "resource_group_name": "payments-prod", "retention_in_days": 365})

lock(name, scope, level) := azure_lock_node("azurerm_management_lock", name, {"name": name, "scope": scope, "lock_level": level})

test_workspace_without_lock_fails if {
	results := azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([workspace]) with input.edges as []
	count(results) == 1
	some result in results
	result.resource == workspace.id
	contains(result.message, "can be deleted")
	object.get(result, "status", "failed") == "failed"
}

test_lock_on_the_workspace_passes if {
	cannot_delete := lock("ws", testing.unknown, "CanNotDelete")
	edges := [azure_lock_edge(cannot_delete, workspace, "scope")]
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, cannot_delete]) with input.edges as edges
	read_only := lock("ws", testing.unknown, "ReadOnly")
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, read_only]) with input.edges as edges
}

test_literal_scope_of_the_workspace_passes if {
	literal := lock("ws", "/subscriptions/x/resourceGroups/Payments-Prod/providers/Microsoft.OperationalInsights/workspaces/audit", "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, literal]) with input.edges as []
}

test_lock_on_the_resource_group_passes if {
	group := azure_lock_node("azurerm_resource_group", "payments", {"name": "payments-prod", "location": "westeurope"})
	in_group := azure_lock_node("azurerm_log_analytics_workspace", "audit", {"name": "audit", "resource_group_name": testing.unknown})
	group_lock := lock("rg", testing.unknown, "CanNotDelete")
	edges := [azure_lock_edge(in_group, group, "resource_group_name"), azure_lock_edge(group_lock, group, "scope")]
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([group, in_group, group_lock]) with input.edges as edges
	literal := lock("rg", "/subscriptions/x/resourceGroups/payments-prod", "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 0 with input.resources_by_type as azure_lock_by_type([workspace, literal]) with input.edges as []
}

test_locks_elsewhere_do_not_protect if {
	other_group := lock("rg", "/subscriptions/x/resourceGroups/other", "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 1 with input.resources_by_type as azure_lock_by_type([workspace, other_group]) with input.edges as []
	account := azure_lock_node("azurerm_storage_account", "logs", {"name": "logs"})
	on_account := lock("account", testing.unknown, "CanNotDelete")
	count(azure_log_workspace_lock.deny) == 1 with input.resources_by_type as azure_lock_by_type([workspace, account, on_account]) with input.edges as [azure_lock_edge(on_account, account, "scope")]
}

test_unknown_lock_level_or_scope_is_undetermined if {
	level := lock("ws", testing.unknown, testing.unknown)
	some result in azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([workspace, level]) with input.edges as [azure_lock_edge(level, workspace, "scope")]
	result.status == "undetermined"
	scope := lock("somewhere", testing.unknown, "CanNotDelete")
	some other in azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([workspace, scope]) with input.edges as []
	other.status == "undetermined"
}

test_data_workspace_is_not_applicable if {
	read := object.union(workspace, {"mode": "data"})
	some result in azure_log_workspace_lock.deny with input.resources_by_type as azure_lock_by_type([read]) with input.edges as []
	result.not_applicable
}
