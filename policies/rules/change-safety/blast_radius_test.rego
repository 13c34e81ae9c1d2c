package iacgate.rules.change_safety.blast_radius_test

import data.iacgate.lib.testing
import data.iacgate.rules.change_safety.blast_radius
import rego.v1

changed(actions) := object.union(testing.resource("aws_instance", {}), {"change": {"actions": actions}})

test_many_destroys_fail_each_destroyed_resource if {
	some result in blast_radius.deny with input.resource as changed(["delete"])
		with input.related as [] with input.change_summary as {"delete": 9, "replace": 3}
		with input.settings as {}
	result.message == "blast radius above the limit: this change destroys or replaces 12 resources of the unit (delete 9, replace 3; this one: delete), required at most 10 (change_safety.max_destructive_changes) or an approved change (approvals file)"
}

test_the_limit_comes_from_settings if {
	count(blast_radius.deny) == 0 with input.resource as changed(["create", "delete"])
		with input.related as [] with input.change_summary as {"delete": 9, "replace": 3}
		with input.settings as {"change_safety": {"max_destructive_changes": 12}}
	some result in blast_radius.deny with input.resource as changed(["create", "delete"])
		with input.related as [] with input.change_summary as {"delete": 2, "replace": 1}
		with input.settings as {"change_safety": {"max_destructive_changes": 2}}
	contains(result.message, "this one: replace")
}

test_resources_the_change_keeps_are_not_judged if {
	some result in blast_radius.deny with input.resource as changed(["update"])
		with input.related as [] with input.change_summary as {"delete": 50, "replace": 0}
		with input.settings as {}
	result.not_applicable
	some source in blast_radius.deny with input.resource as testing.resource("aws_instance", {})
		with input.related as [] with input.settings as {}
	source.not_applicable
}

nested_stack(actions) := object.union(
	testing.resource("aws_cloudformation_stack", {}),
	{"change": {"actions": actions, "replacement_conditional": true, "reason": "nested_stack_changes_not_given"}},
)

test_a_nested_stack_whose_changes_are_not_given_is_undetermined if {
	some result in blast_radius.deny with input.resource as nested_stack(["update"])
		with input.related as [] with input.change_summary as {"delete": 1, "replace": 0}
		with input.settings as {}
	result.status == "undetermined"
	contains(result.message, "nested stack changes not given: this change destroys or replaces at least 1 resources")
	count(blast_radius.deny) == 1 with input.resource as nested_stack(["update"])
		with input.related as [] with input.change_summary as {"delete": 1, "replace": 0}
		with input.settings as {}
}

test_a_removed_nested_stack_over_the_limit_fails if {
	some result in blast_radius.deny with input.resource as nested_stack(["delete"])
		with input.related as [] with input.change_summary as {"delete": 11, "replace": 0}
		with input.settings as {}
	startswith(result.message, "blast radius above the limit")
	not result.status
	count(blast_radius.deny) == 1 with input.resource as nested_stack(["delete"])
		with input.related as [] with input.change_summary as {"delete": 11, "replace": 0}
		with input.settings as {}
}
