package iacgate.rules.change_safety.weakening_update_test

import data.iacgate.lib.testing
import data.iacgate.rules.change_safety.weakening_update
import rego.v1

# Every test builds its resource in a local variable and names only that after `as`, and overrides only
# input.resource (the rule reads no neighbour, so input.related changes nothing): regopy 1.5.2 compiles a
# `with` whose value is written out (a function call, even a literal `[]`) several times larger, and each
# `with` clause over the whole rule again; this file took 3.80 GB of the 4 GB a test file may use with the
# calls and `with input.related as []` written there (1.40 GB with variables, 0.82 GB without the
# input.related override).

updated(type_name, before, after) := object.union(testing.resource(type_name, after), {"change": {"actions": ["update"], "before": before}})

test_source_code_and_creates_are_not_judged if {
	source := testing.resource("aws_db_instance", {"deletion_protection": false})
	some result in weakening_update.deny with input.resource as source
	result.not_applicable
	create := object.union(testing.resource("aws_db_instance", {}), {"change": {"actions": ["create"]}})
	some created in weakening_update.deny with input.resource as create
	created.not_applicable
}

test_deletion_protection_turned_off_fails if {
	update := updated("aws_db_instance", {"deletion_protection": true}, {"deletion_protection": false})
	some result in weakening_update.deny with input.resource as update
	result.path == ["deletion_protection"]
	result.message == "update turns deletion protection off: deletion_protection is false (was true), required true, as before"
}

test_protection_left_out_of_a_template_is_off if {
	update := updated("aws_db_instance", {"deletion_protection": true}, {})
	count(weakening_update.deny) == 1 with input.resource as update
}

test_logging_on_by_default_is_not_turned_off_by_leaving_it_out if {
	left_out := updated("aws_cloudtrail", {"enable_logging": true}, {})
	count(weakening_update.deny) == 0 with input.resource as left_out
	turned_off := updated("aws_cloudtrail", {}, {"enable_logging": false})
	count(weakening_update.deny) == 1 with input.resource as turned_off
}

test_kept_and_strengthened_controls_pass if {
	update := updated("aws_db_instance", {"deletion_protection": false, "backup_retention_period": 7}, {"deletion_protection": true, "backup_retention_period": 35})
	count(weakening_update.deny) == 0 with input.resource as update
}

test_retention_shortened_fails if {
	update := updated("aws_cloudwatch_log_group", {"retention_in_days": 365}, {"retention_in_days": 30})
	some result in weakening_update.deny with input.resource as update
	result.message == "update shortens log retention: retention_in_days is 30 (was 365), required 365 or longer"
}

test_never_expiring_log_group_given_a_retention_fails if {
	update := updated("aws_cloudwatch_log_group", {"retention_in_days": 0}, {"retention_in_days": 400})
	some result in weakening_update.deny with input.resource as update
	contains(result.message, "(was never expiring)")
}

test_retention_as_template_strings_compares_as_numbers if {
	shortened := updated("aws_db_instance", {"backup_retention_period": "14"}, {"backup_retention_period": "7"})
	count(weakening_update.deny) == 1 with input.resource as shortened
	lengthened := updated("aws_db_instance", {"backup_retention_period": "7"}, {"backup_retention_period": "14"})
	count(weakening_update.deny) == 0 with input.resource as lengthened
}

test_customer_managed_key_removed_fails if {
	update := updated("aws_sqs_queue", {"kms_master_key_id": "arn:aws:kms:eu-west-1:1:key/a"}, {})
	some result in weakening_update.deny with input.resource as update
	contains(result.message, "kms_master_key_id is not set (was arn:aws:kms:eu-west-1:1:key/a)")
}

test_key_swapped_for_a_new_key_is_not_flagged if {
	update := updated("aws_sqs_queue", {"kms_master_key_id": "arn:aws:kms:eu-west-1:1:key/a"}, {"kms_master_key_id": testing.unknown})
	count(weakening_update.deny) == 0 with input.resource as update
}

test_tls_minimum_lowered_fails if {
	update := updated("azurerm_storage_account", {"min_tls_version": "TLS1_2"}, {"min_tls_version": "TLS1_0"})
	some result in weakening_update.deny with input.resource as update
	result.message == "update lowers the minimum TLS version: min_tls_version is TLS1_0 (was TLS1_2), required TLS1_2 or later"
}

test_public_access_turned_on_fails if {
	update := updated("aws_db_instance", {"publicly_accessible": false}, {"publicly_accessible": true})
	some result in weakening_update.deny with input.resource as update
	result.path == ["publicly_accessible"]
}

test_unknown_after_value_of_a_protection_is_reported_at_its_path if {
	update := updated("aws_kms_key", {"enable_key_rotation": true}, {"enable_key_rotation": testing.unknown})
	some result in weakening_update.deny with input.resource as update
	result.path == ["enable_key_rotation"]
}

test_values_missing_from_a_change_set_are_undetermined if {
	update := updated("aws_db_instance", {"deletion_protection": testing.unknown}, {"deletion_protection": testing.unknown})
	some result in weakening_update.deny with input.resource as update
	result.status == "undetermined"
}

blocked := {"BlockPublicAcls": "true", "BlockPublicPolicy": "true", "IgnorePublicAcls": "true", "RestrictPublicBuckets": "true"}

test_template_bucket_public_access_block_turned_off_fails if {
	unblocked := object.union(blocked, {"BlockPublicPolicy": "false"})
	turned_off := updated("aws_s3_bucket", {"public_access_block_configuration": blocked}, {"public_access_block_configuration": unblocked})
	some result in weakening_update.deny with input.resource as turned_off
	result.path == ["public_access_block_configuration", "BlockPublicPolicy"]
	result.message == "update turns blocking public policies off: public_access_block_configuration.BlockPublicPolicy is false (was true), required true, as before"
	removed := updated("aws_s3_bucket", {"public_access_block_configuration": blocked}, {})
	count(weakening_update.deny) == 4 with input.resource as removed
	added := updated("aws_s3_bucket", {}, {"public_access_block_configuration": blocked})
	count(weakening_update.deny) == 0 with input.resource as added
}

nested_stack(reason, actions) := object.union(testing.resource("aws_cloudformation_stack", {}), {"change": {"actions": actions, "reason": reason, "replacement_conditional": true}})

test_nested_stack_modified_without_its_change_set_is_undetermined if {
	stack := nested_stack("nested_stack_changes_not_given", ["update"])
	some result in weakening_update.deny with input.resource as stack
	result.status == "undetermined"
	startswith(result.message, "nested stack changes not given: this change modifies a nested stack")
}

test_nested_stack_with_its_change_set_or_removed_is_not_judged if {
	given := nested_stack("", ["update"])
	some given_result in weakening_update.deny with input.resource as given
	given_result.not_applicable
	removed := nested_stack("nested_stack_changes_not_given", ["delete"])
	some removed_result in weakening_update.deny with input.resource as removed
	removed_result.not_applicable
}
