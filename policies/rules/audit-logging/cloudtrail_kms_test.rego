package iacgate.rules.audit_logging.cloudtrail_kms_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.cloudtrail_kms
import rego.v1

test_key_created_in_the_same_plan_passes if {
	count(cloudtrail_kms.deny) == 0 with input.resource as testing.resource("aws_cloudtrail", {"kms_key_id": testing.unknown})
		with input.related as []
}

test_missing_key_fails if {
	some result in cloudtrail_kms.deny with input.resource as testing.resource("aws_cloudtrail", {"kms_key_id": null})
		with input.related as []
	result.path == ["kms_key_id"]
}

test_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in cloudtrail_kms.deny with input.resource as testing.resource("aws_cloudtrail", {"kms_key_id": {"__unknown__": "conditional whose condition is unknown (variable 'prod' has no value); a branch leaves it unset"}})
		with input.related as []
	result.path == ["kms_key_id"]
	contains(result.message, "kms_key_id is unknown until apply")
}
