package iacgate.rules.audit_logging.aws_log_waf_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_waf_logging
import rego.v1

test_logged_acl_passes if {
	count(aws_log_waf_logging.deny) == 0 with input.resource as testing.resource("aws_wafv2_web_acl", {"scope": "REGIONAL"})
		with input.related as [testing.referrer("aws_wafv2_web_acl_logging_configuration", "resource_arn", {"log_destination_configs": ["arn:aws:firehose:eu-west-1:1:deliverystream/aws-waf-logs-x"]})]
}

test_unlogged_acl_fails if {
	some result in aws_log_waf_logging.deny with input.resource as testing.resource("aws_wafv2_web_acl", {"scope": "REGIONAL"})
		with input.related as [testing.referrer("aws_wafv2_web_acl_association", "web_acl_arn", {})]
	result.path == []
}
