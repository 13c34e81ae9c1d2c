package iacgate.rules.audit_logging.cloudtrail_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.cloudtrail_logging
import rego.v1

trail(attributes, format) := object.union(testing.resource("aws_cloudtrail", attributes), {"format": format})

test_default_logging_passes if {
	count(cloudtrail_logging.deny) == 0 with input.resource as trail({"name": "t"}, "terraform")
		with input.related as []
}

test_stopped_trail_fails if {
	some result in cloudtrail_logging.deny with input.resource as trail({"enable_logging": false}, "terraform")
		with input.related as []
	result.path == ["enable_logging"]
	result.message == "CloudTrail trail is stopped: enable_logging is false, required true"
}

test_cloudformation_is_logging_false_fails if {
	some result in cloudtrail_logging.deny with input.resource as trail({"is_logging": "false"}, "cloudformation")
		with input.related as []
	result.path == ["is_logging"]
}

test_cloudformation_is_logging_true_passes if {
	count(cloudtrail_logging.deny) == 0 with input.resource as trail({"is_logging": true}, "cloudformation")
		with input.related as []
}

# Issue 16 §2: enable_logging unknown until apply may be false: reported at its path (undetermined).
test_unknown_logging_is_reported_at_its_path if {
	some result in cloudtrail_logging.deny with input.resource as testing.resource("aws_cloudtrail", {"enable_logging": testing.unknown})
		with input.related as []
	result.path == ["enable_logging"]
}
