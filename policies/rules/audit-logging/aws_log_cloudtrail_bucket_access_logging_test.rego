package iacgate.rules.audit_logging.aws_log_cloudtrail_bucket_access_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_cloudtrail_bucket_access_logging
import rego.v1

log_trail_bucket(attributes) := testing.resource("aws_s3_bucket", attributes)

log_trail_edge(attributes) := testing.referrer("aws_cloudtrail", "s3_bucket_name", attributes)

test_trail_bucket_with_separate_logging_passes if {
	count(aws_log_cloudtrail_bucket_access_logging.deny) == 0 with input.resource as log_trail_bucket({"bucket": "trail"})
		with input.related as [log_trail_edge({}), testing.referrer("aws_s3_bucket_logging", "bucket", {"target_prefix": "trail/"})]
}

test_unlogged_trail_bucket_fails_even_as_log_target if {
	some result in aws_log_cloudtrail_bucket_access_logging.deny with input.resource as log_trail_bucket({"bucket": "trail"})
		with input.related as [log_trail_edge({}), testing.referrer("aws_s3_bucket_logging", "target_bucket", {})]
	result.path == ["logging"]
	contains(result.message, "trail aws_cloudtrail.neighbour delivers to it")
}

test_bucket_without_trail_is_not_applicable if {
	aws_log_cloudtrail_bucket_access_logging.deny == {{"not_applicable": true}} with input.resource as log_trail_bucket({"bucket": "data"})
		with input.related as []
}

test_cloudformation_logging_configuration_passes if {
	count(aws_log_cloudtrail_bucket_access_logging.deny) == 0 with input.resource as object.union(log_trail_bucket({"logging_configuration": {"destination_bucket_name": "logs"}}), {"format": "cloudformation"})
		with input.related as [log_trail_edge({})]
}
