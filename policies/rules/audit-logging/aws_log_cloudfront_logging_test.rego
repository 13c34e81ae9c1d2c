package iacgate.rules.audit_logging.aws_log_cloudfront_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_cloudfront_logging
import rego.v1

log_cf_subject(attributes) := testing.resource("aws_cloudfront_distribution", attributes)

test_logging_config_passes if {
	count(aws_log_cloudfront_logging.deny) == 0 with input.resource as log_cf_subject({"logging_config": [{"bucket": "logs.s3.amazonaws.com"}]})
		with input.related as []
}

test_missing_logging_config_fails if {
	some result in aws_log_cloudfront_logging.deny with input.resource as log_cf_subject({"enabled": true})
		with input.related as []
	result.path == ["logging_config"]
}

test_logging_v2_delivery_source_passes if {
	count(aws_log_cloudfront_logging.deny) == 0 with input.resource as log_cf_subject({"enabled": true})
		with input.related as [testing.referrer("aws_cloudwatch_log_delivery_source", "resource_arn", {"log_type": "ACCESS_LOGS"})]
}

test_cloudformation_logging_passes if {
	count(aws_log_cloudfront_logging.deny) == 0 with input.resource as object.union(log_cf_subject({"distribution_config": {"logging": {"bucket": "logs.s3.amazonaws.com"}}}), {"format": "cloudformation"})
		with input.related as []
}

test_cloudformation_without_logging_fails if {
	some result in aws_log_cloudfront_logging.deny with input.resource as object.union(log_cf_subject({"distribution_config": {"enabled": true}}), {"format": "cloudformation"})
		with input.related as []
	result.path == ["distribution_config", "logging"]
}
