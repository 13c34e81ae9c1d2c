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

# The setting as a whole-graph input gives it: with what it refers to through `attribute` (refers_to).
azure_activity_referring(setting, attribute, target) := object.union(setting, {"refers_to": [{"attribute": attribute, "type": target.type, "mode": target.mode, "address": target.id}]})

test_subscription_activity_log if {
	all := azure_activity_setting("all", azure_activity_subscription, azure_activity_categories)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([all])
	half := azure_activity_setting("half", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	some result in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([half])
	result.resource == half.id
	contains(result.message, "leave out Policy, Alert")
	result.path == ["enabled_log"]
}

# Azure allows up to five diagnostic settings per target: categories sent by any of them count.
test_two_settings_of_one_subscription_are_judged_together if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_setting("second", concat("", [upper(azure_activity_subscription), "/"]), array.slice(azure_activity_categories, 2, 4))
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([first, second])
}

test_a_category_no_setting_sends_fails_every_setting_of_the_subscription if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_setting("second", azure_activity_subscription, array.slice(azure_activity_categories, 2, 3))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, second])
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
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, other])
	count(results) == 2
}

test_a_setting_without_destination_adds_no_category if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_bare("second", azure_activity_subscription, array.slice(azure_activity_categories, 2, 4))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, second])
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
	first := azure_activity_referring(azure_activity_setting("first", testing.unknown, array.slice(azure_activity_categories, 0, 3)), "target_resource_id", subscription)
	second := azure_activity_referring(azure_activity_setting("second", testing.unknown, array.slice(azure_activity_categories, 3, 4)), "target_resource_id", subscription)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([subscription, first, second])
	count(azure_activity_log_export.deny) == 1 with input.resources_by_type as azure_activity_by_type([subscription, first])
}

test_unknown_categories_of_a_sibling_are_undetermined if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_setting("second", azure_activity_subscription, testing.unknown)
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, second])
	count(results) == 2
	every result in results {
		result.status == "undetermined"
	}
}

test_other_targets_are_not_applicable if {
	vault := azure_activity_setting("vault", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", [])
	other := azure_activity_setting("other", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", [])
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([vault, other])
	results == {{"not_applicable": true, "resources": [vault.id, other.id]}}
}

test_unknown_subscription_target_is_undetermined if {
	one := azure_activity_setting("one", testing.unknown, array.slice(azure_activity_categories, 0, 1))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([one])
	count(results) == 1
	some result in results
	result.status == "undetermined"
	all := azure_activity_setting("all", testing.unknown, azure_activity_categories)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([all])
}

# (At most two `with` blocks a test: regopy 1.5.2 runs out of memory on three over this rule.)
test_unknown_target_referring_to_another_resource_is_not_applicable if {
	vault := azure_activity_node("azurerm_key_vault", "kv", "managed")
	none := azure_activity_referring(azure_activity_setting("none", testing.unknown, []), "target_resource_id", vault)
	some other in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([vault, none])
	other.not_applicable
	other.resources == [none.id]
}

test_no_destination_fails if {
	bare := azure_activity_bare("bare", azure_activity_subscription, azure_activity_categories)
	some result in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([bare])
	result.path == []
	contains(result.message, "exported nowhere")
	count(azure_activity_log_export.deny) == 1 with input.resources_by_type as azure_activity_by_type([bare])
}

# --- azapi_resource diagnostic settings (Azure Verified Modules) ---------------------------------------

azure_activity_azapi_type := "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"

azure_activity_azapi_logs(categories) := [entry |
	some category in categories
	entry := {"category": category.category, "enabled": true}
]

azure_activity_azapi(name, declared, parent, body) := object.union(
	testing.resource("azapi_resource", {"type": declared, "parent_id": parent, "body": body}),
	{"id": concat(".", ["azapi_resource", name]), "mode": "managed"},
)

azure_activity_azapi_setting(name, parent, logs) := azure_activity_azapi(name, azure_activity_azapi_type, parent, {"properties": {"workspaceId": azure_activity_workspace, "logs": logs}})

test_azapi_and_azurerm_settings_of_one_subscription_are_judged_together if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	second := azure_activity_azapi_setting("second", concat("", [upper(azure_activity_subscription), "/"]), azure_activity_azapi_logs(array.slice(azure_activity_categories, 2, 4)))
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([first, second])
	short := azure_activity_azapi_setting("short", azure_activity_subscription, azure_activity_azapi_logs(array.slice(azure_activity_categories, 2, 3)))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, short])
	count(results) == 2
	some result in results
	result.resource == short.id
	result.path == ["body", "properties", "logs"]
	contains(result.message, "properties.logs categories of its 2 diagnostic settings together leave out Alert")
	object.get(result, "status", "failed") == "failed"
}

test_azapi_setting_alone_fails_without_the_categories if {
	one := azure_activity_azapi_setting("one", azure_activity_subscription, azure_activity_azapi_logs(array.slice(azure_activity_categories, 0, 3)))
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([one])
	count(results) == 1
	some result in results
	result.resource == one.id
	contains(result.message, "leave out Alert")
	all := azure_activity_azapi_setting("all", azure_activity_subscription, [{"categoryGroup": "allLogs", "enabled": true}])
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([all])
}

test_azapi_disabled_entry_sends_nothing if {
	logs := array.concat(azure_activity_azapi_logs(array.slice(azure_activity_categories, 0, 3)), [{"category": "Alert", "enabled": false}])
	one := azure_activity_azapi_setting("one", azure_activity_subscription, logs)
	some result in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([one])
	contains(result.message, "leave out Alert")
}

test_azapi_jsonencoded_body_counts if {
	body := json.marshal({"properties": {"storageAccountId": azure_activity_workspace, "logs": azure_activity_azapi_logs(azure_activity_categories)}})
	one := azure_activity_azapi("one", azure_activity_azapi_type, azure_activity_subscription, body)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([one])
	short := azure_activity_azapi("short", azure_activity_azapi_type, azure_activity_subscription, json.marshal({"properties": {"storageAccountId": azure_activity_workspace, "logs": []}}))
	count(azure_activity_log_export.deny) == 1 with input.resources_by_type as azure_activity_by_type([short])
}

test_azapi_without_destination_fails_in_azapi_words if {
	bare := azure_activity_azapi("bare", azure_activity_azapi_type, azure_activity_subscription, {"properties": {"logs": azure_activity_azapi_logs(azure_activity_categories)}})
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([bare])
	count(results) == 1
	some result in results
	contains(result.message, "exported nowhere: properties.workspaceId")
	result.path == []
}

test_azapi_unknown_body_is_undetermined_never_passed if {
	first := azure_activity_setting("first", azure_activity_subscription, array.slice(azure_activity_categories, 0, 2))
	unknown := azure_activity_azapi("unknown", azure_activity_azapi_type, azure_activity_subscription, testing.unknown)
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([first, unknown])
	count(results) == 2
	every result in results {
		result.status == "undetermined"
	}

	# The others send everything: the unknown body's own destination is still undetermined.
	all := azure_activity_setting("all", azure_activity_subscription, azure_activity_categories)
	others := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([all, unknown])
	count(others) == 1
	some other in others
	other.resource == unknown.id
	other.status == "undetermined"
	other.path == ["body"]
}

test_azapi_unknown_properties_is_undetermined if {
	properties := azure_activity_azapi("properties", azure_activity_azapi_type, azure_activity_subscription, {"properties": testing.unknown})
	some a in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([properties])
	a.status == "undetermined"
}

test_azapi_unknown_logs_entry_is_undetermined if {
	logs := array.concat(azure_activity_azapi_logs(array.slice(azure_activity_categories, 0, 3)), [{"category": "Alert", "enabled": testing.unknown}])
	entry := azure_activity_azapi_setting("entry", azure_activity_subscription, logs)
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([entry])
	count(results) == 1
	some b in results
	b.status == "undetermined"
	b.path == ["body", "properties", "logs"]
}

test_azapi_unknown_category_is_undetermined if {
	named := azure_activity_azapi_setting("named", azure_activity_subscription, array.concat(azure_activity_azapi_logs(array.slice(azure_activity_categories, 0, 3)), [{"category": testing.unknown, "enabled": true}]))
	some c in azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([named])
	c.status == "undetermined"
}

test_azapi_unknown_type_is_undetermined_never_passed if {
	body := {"properties": {"workspaceId": azure_activity_workspace, "logs": azure_activity_azapi_logs(azure_activity_categories)}}
	maybe := azure_activity_azapi("maybe", testing.unknown, azure_activity_subscription, body)
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([maybe])
	count(results) == 1
	some result in results
	result.status == "undetermined"
	result.path == ["type"]
}

test_other_azapi_resources_are_not_applicable if {
	account := azure_activity_azapi("account", "Microsoft.Storage/storageAccounts@2023-05-01", azure_activity_subscription, {"properties": {}})
	vault := azure_activity_azapi_setting("vault", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv", [])
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([account, vault])
	count(results) == 2
	every result in results {
		result.not_applicable
	}
}

test_azapi_setting_of_the_subscription_data_source_counts if {
	subscription := azure_activity_node("azurerm_subscription", "current", "data")
	first := azure_activity_referring(azure_activity_setting("first", testing.unknown, array.slice(azure_activity_categories, 0, 3)), "target_resource_id", subscription)
	second := azure_activity_referring(azure_activity_azapi_setting("second", testing.unknown, azure_activity_azapi_logs(array.slice(azure_activity_categories, 3, 4))), "parent_id", subscription)
	count(azure_activity_log_export.deny) == 0 with input.resources_by_type as azure_activity_by_type([subscription, first, second])
}

# The older log block whose enabled is unknown until apply sends nothing certain (azure.azurerm_diagnostic_uncertain).
test_older_log_block_with_unknown_enabled_is_undetermined if {
	logs := [
		{"category": "Administrative", "enabled": true}, {"category": "Security", "enabled": true},
		{"category": "Policy", "enabled": true}, {"category": "Alert", "enabled": testing.unknown},
	]
	older := object.union(
		testing.resource("azurerm_monitor_diagnostic_setting", {"target_resource_id": azure_activity_subscription, "log_analytics_workspace_id": azure_activity_workspace, "log": logs}),
		{"id": "azurerm_monitor_diagnostic_setting.older", "mode": "managed"},
	)
	results := azure_activity_log_export.deny with input.resources_by_type as azure_activity_by_type([older])
	count(results) == 1
	some result in results
	result.status == "undetermined"
	result.path == ["enabled_log"]
}
