package iacgate.rules.audit_logging.azure_activity_log_export_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_activity_log_export
import rego.v1

azure_activity_workspace := "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit"

azure_activity_subscription := "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61"

azure_activity_categories := [{"category": "Administrative"}, {"category": "Security"}, {"category": "Policy"}, {"category": "Alert"}]

azure_activity_setting(name, target, logs) := object.union(
	testing.resource("azurerm_monitor_diagnostic_setting", {
		"target_resource_id": target,
		"log_analytics_workspace_id": azure_activity_workspace,
		"enabled_log": logs,
	}),
	{"id": concat(".", ["azurerm_monitor_diagnostic_setting", name]), "mode": "managed"},
)

# A setting that sends its logs nowhere (object.union is not recursive in regopy: build it whole).
azure_activity_bare(name, target, logs) := object.union(
	testing.resource("azurerm_monitor_diagnostic_setting", {"target_resource_id": target, "enabled_log": logs}),
	{"id": concat(".", ["azurerm_monitor_diagnostic_setting", name]), "mode": "managed"},
)

azure_activity_node(type_name, name, mode) := object.union(testing.resource(type_name, {}), {"id": concat(".", [type_name, name]), "mode": mode})

azure_activity_by_type(resources) := {type_name: [r | some r in resources; r.type == type_name] |
	some resource in resources
	type_name := resource.type
}

azure_activity_edge(source, target) := {"source": source.id, "target": target.id, "kind": "reference", "attribute": "target_resource_id"}

test_subscription_activity_log if {
	all := azure_activity_setting("all", azure_activity_subscription, azure_activity_categories)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([all]) with input.edges as []
	half := azure_activity_setting("half", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	some result in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([half]) with input.edges as []
	result.resource == half.id
	contains(result.message, "leave out Policy, Alert")
	result.path == ["enabled_log"]
}

# Azure allows up to five diagnostic settings per target: categories sent by any of them count.
test_two_settings_of_one_subscription_are_judged_together if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_setting("second", concat("", [upper(azure_activity_subscription), "/"]), array.slice(azure_activity_categories, 2, 4))
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([first, second]) with input.edges as []
}

test_a_category_no_setting_sends_fails_every_setting_of_the_subscription if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_setting("second", azure_activity_subscription, array.slice(azure_activity_categories, 2, 3))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, second]) with input.edges as []
	count(results) == 2
	every result in results {
		contains(result.message, "leave out Alert")
		contains(result.message, "of its 2 diagnostic settings")
		object.get(result, "status", "failed") == "failed"
	}
}

test_settings_of_other_subscriptions_do_not_count if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	other := azure_activity_setting("other", "/subscriptions/another", array.slice(azure_activity_categories, 2, 4))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, other]) with input.edges as []
	count(results) == 2
}

test_a_setting_without_destination_adds_no_category if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_bare("second", azure_activity_subscription, array.slice(azure_activity_categories, 2, 4))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, second]) with input.edges as []
	count(results) == 2
	some result in results
	result.resource == first.id
	contains(result.message, "leave out Policy, Alert")
	some other in results
	other.resource == second.id
	contains(other.message, "exported nowhere")
}

test_settings_of_one_subscription_data_source_are_judged_together if {
	subscription := azure_activity_node("azurerm_subscription", "current", "data")
	first := azure_activity_setting("first", testing.unknown, array.slice(azure_activity_categories, 0, 3))
	second := azure_activity_setting("second", testing.unknown, array.slice(azure_activity_categories, 3, 4))
	edges := [azure_activity_edge(first, subscription), azure_activity_edge(second, subscription)]
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([subscription, first, second]) with input.edges as edges
	count(azure_activity_log_export.deny) == 1 with input.resources_by_type as azure_activity_by_type([subscription, first]) with input.edges as [edges[0]]
}

test_unknown_categories_of_a_sibling_are_undetermined if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_setting("second", azure_activity_subscription, testing.unknown)
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, second]) with input.edges as []
	count(results) == 2
	every result in results {
		result.status == "undetermined"
	}
}

test_other_targets_are_not_applicable if {
	vault := azure_activity_setting("vault", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", [])
	some result in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([vault]) with input.edges as []
	result.not_applicable
	result.resource == vault.id
}

test_unknown_subscription_target_is_undetermined if {
	one := azure_activity_setting("one", testing.unknown, array.slice(azure_activity_categories, 0, 1))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([one]) with input.edges as []
	count(results) == 1
	some result in results
	result.status == "undetermined"
	all := azure_activity_setting("all", testing.unknown, azure_activity_categories)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([all]) with input.edges as []
	vault := azure_activity_node("azurerm_key_vault", "kv", "managed")
	none := azure_activity_setting("none", testing.unknown, [])
	some other in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([vault, none]) with input.edges as [azure_activity_edge(none, vault)]
	other.not_applicable
}

test_no_destination_fails if {
	bare := azure_activity_bare("bare", azure_activity_subscription, azure_activity_categories)
	some result in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([bare]) with input.edges as []
	result.path == []
	contains(result.message, "exported nowhere")
	count(azure_activity_log_export.deny) == 1 with input.resources_by_type as azure_activity_by_type([bare]) with input.edges as []
}

