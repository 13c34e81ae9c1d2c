package iacgate.rules.encryption.sns_topic_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.sns_topic_encryption
import rego.v1

test_kms_key_passes if {
	count(sns_topic_encryption.deny) == 0 with input.resource as testing.resource("aws_sns_topic", {"kms_master_key_id": "alias/aws/sns"})
		with input.related as []
}

test_unknown_key_counts_as_set if {
	count(sns_topic_encryption.deny) == 0 with input.resource as testing.resource("aws_sns_topic", {"kms_master_key_id": testing.unknown})
		with input.related as []
}

test_missing_key_fails if {
	some result in sns_topic_encryption.deny with input.resource as testing.resource("aws_sns_topic", {"kms_master_key_id": null})
		with input.related as []
	result.path == ["kms_master_key_id"]
	contains(result.message, "not set")
}

# !If [Cond, !Ref Key, !Ref AWS::NoValue] (HCL `c ? key : null`): the key may be left unset. The finding
# points at the unknown value, so the engine reports it undetermined, never a pass.
test_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in sns_topic_encryption.deny with input.resource as testing.resource("aws_sns_topic", {"kms_master_key_id": {"__unknown__": "Fn::If on condition IsProd, which cannot be evaluated (parameter Env has no value); a branch leaves it unset"}})
		with input.related as []
	result.path == ["kms_master_key_id"]
}

test_key_chosen_between_two_keys_counts_as_set if {
	count(sns_topic_encryption.deny) == 0 with input.resource as testing.resource("aws_sns_topic", {"kms_master_key_id": {"__unknown__": "conditional whose condition is unknown (variable 'prod' has no value)"}})
		with input.related as []
}
