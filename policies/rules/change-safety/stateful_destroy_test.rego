package iacgate.rules.change_safety.stateful_destroy_test

import data.iacgate.lib.testing
import data.iacgate.rules.change_safety.stateful_destroy
import rego.v1

changed(type_name, mode, change) := object.union(
	object.union(testing.resource(type_name, {"engine_version": "15.2"}), {"mode": mode}),
	{"change": change},
)

test_source_code_is_not_judged if {
	some result in stateful_destroy.deny with input.resource as testing.resource("aws_db_instance", {})
		with input.related as []
	result.not_applicable
}

test_destroyed_database_fails if {
	some result in stateful_destroy.deny with input.resource as changed("aws_db_instance", "deleted", {"actions": ["delete"]})
		with input.related as []
	contains(result.message, "action is delete")
	not result.status
}

test_replacement_names_the_forcing_attribute if {
	some result in stateful_destroy.deny with input.resource as changed("aws_db_instance", "managed", {"actions": ["delete", "create"], "replace_paths": [["engine_version"], ["tags", "x"], ["block", 0, "y"]]})
		with input.related as []
	contains(result.message, "forced by engine_version, tags.x, block[0].y")
}

test_replacement_without_paths_fails if {
	count(stateful_destroy.deny) == 1 with input.resource as changed("aws_s3_bucket", "managed", {"actions": ["create", "delete"]})
		with input.related as []
}

test_conditional_replacement_is_undetermined if {
	some result in stateful_destroy.deny with input.resource as changed("aws_db_instance", "managed", {"actions": ["update"], "replacement_conditional": true})
		with input.related as []
	result.status == "undetermined"
}

test_kms_key_deletion_says_scheduled if {
	some result in stateful_destroy.deny with input.resource as changed("aws_kms_key", "deleted", {"actions": ["delete"]})
		with input.related as []
	contains(result.message, "scheduled for deletion")
}

test_update_and_create_pass if {
	count(stateful_destroy.deny) == 0 with input.resource as changed("aws_db_instance", "managed", {"actions": ["update"]})
		with input.related as []
	count(stateful_destroy.deny) == 0 with input.resource as changed("aws_db_instance", "managed", {"actions": ["create"]})
		with input.related as []
	count(stateful_destroy.deny) == 0 with input.resource as changed("aws_db_instance", "managed", {"actions": ["no-op"]})
		with input.related as []
}

nested_stack(mode, actions, reason) := object.union(
	object.union(testing.resource("aws_cloudformation_stack", {}), {"mode": mode}),
	{"change": {"actions": actions, "replacement_conditional": true, "reason": reason}},
)

test_a_modified_nested_stack_whose_changes_are_not_given_is_undetermined if {
	results := stateful_destroy.deny with input.resource as nested_stack("managed", ["update"], "nested_stack_changes_not_given")
		with input.related as []
	count(results) == 1
	some result in results
	result.status == "undetermined"
	startswith(result.message, "nested stack changes not given: this change modifies a nested stack")
}

test_a_removed_nested_stack_whose_changes_are_not_given_is_undetermined if {
	some result in stateful_destroy.deny with input.resource as nested_stack("deleted", ["delete"], "nested_stack_changes_not_given")
		with input.related as []
	result.status == "undetermined"
	contains(result.message, "this change removes a nested stack")
}

test_a_stack_whose_changes_are_given_is_not_judged if {
	results := stateful_destroy.deny with input.resource as nested_stack("deleted", ["delete"], "")
		with input.related as []
	results == {{"not_applicable": true}}
}
