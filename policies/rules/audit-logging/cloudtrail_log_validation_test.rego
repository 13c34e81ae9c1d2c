package iacgate.rules.audit_logging.cloudtrail_log_validation_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.cloudtrail_log_validation
import rego.v1

test_validated_trail_passes if {
	count(cloudtrail_log_validation.deny) == 0 with input.resource as testing.resource("aws_cloudtrail", {"enable_log_file_validation": true})
		with input.related as []
}

test_unvalidated_trail_fails if {
	some result in cloudtrail_log_validation.deny with input.resource as testing.resource("aws_cloudtrail", {"enable_log_file_validation": false})
		with input.related as []
	result.path == ["enable_log_file_validation"]
	contains(result.message, "is false")
}
