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
