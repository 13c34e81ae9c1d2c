package iacgate.rules.audit_logging.aws_audit_route53_query_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_route53_query_logging
import rego.v1

test_public_zone_with_query_log_passes if {
	count(aws_audit_route53_query_logging.deny) == 0 with input.resource as testing.resource("aws_route53_zone", {"name": "example.com"})
		with input.related as [testing.referrer("aws_route53_query_log", "zone_id", {"cloudwatch_log_group_arn": "arn:aws:logs:us-east-1:1:log-group:/aws/route53/example.com"})]
}

test_cloudformation_query_logging_config_passes if {
	count(aws_audit_route53_query_logging.deny) == 0 with input.resource as testing.resource("aws_route53_zone", {"name": "example.com", "query_logging_config": {"cloud_watch_logs_log_group_arn": "arn:aws:logs:us-east-1:1:log-group:x"}})
		with input.related as []
}

test_public_zone_without_query_log_fails if {
	some result in aws_audit_route53_query_logging.deny with input.resource as testing.resource("aws_route53_zone", {"name": "example.com"})
		with input.related as []
	result.path == []
}

test_private_zone_is_not_judged if {
	aws_audit_route53_query_logging.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_route53_zone", {"name": "internal", "vpc": [{"vpc_id": "vpc-1"}]})
		with input.related as []
}
