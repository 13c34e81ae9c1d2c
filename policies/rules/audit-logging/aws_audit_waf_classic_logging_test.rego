package iacgate.rules.audit_logging.aws_audit_waf_classic_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_waf_classic_logging
import rego.v1

test_logged_acl_passes if {
	count(aws_audit_waf_classic_logging.deny) == 0 with input.resource as testing.resource("aws_waf_web_acl", {"logging_configuration": [{"log_destination": "arn:aws:firehose:us-east-1:1:deliverystream/aws-waf-logs-web"}]})
		with input.related as []
}

test_regional_object_shape_passes if {
	count(aws_audit_waf_classic_logging.deny) == 0 with input.resource as testing.resource("aws_wafregional_web_acl", {"logging_configuration": {"log_destination": testing.unknown}})
		with input.related as []
}

test_unlogged_acl_fails if {
	some result in aws_audit_waf_classic_logging.deny with input.resource as testing.resource("aws_wafregional_web_acl", {"name": "api"})
		with input.related as []
	result.path == ["logging_configuration"]
}
