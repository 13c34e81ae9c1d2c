package iacgate.rules.audit_logging.cloudtrail_cloudwatch_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.cloudtrail_cloudwatch
import rego.v1

test_log_group_of_the_same_plan_passes if {
	count(cloudtrail_cloudwatch.deny) == 0 with input.resource as testing.resource("aws_cloudtrail", {"cloud_watch_logs_group_arn": testing.unknown})
		with input.related as []
}

test_missing_log_group_fails if {
	some result in cloudtrail_cloudwatch.deny with input.resource as testing.resource("aws_cloudtrail", {"name": "t"})
		with input.related as []
	result.path == ["cloud_watch_logs_group_arn"]
	result.message == "CloudTrail trail sends no events to CloudWatch Logs: cloud_watch_logs_group_arn is not set, required a log group ARN"
}

test_log_group_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in cloudtrail_cloudwatch.deny with input.resource as testing.resource("aws_cloudtrail", {"cloud_watch_logs_group_arn": {"__unknown__": "Fn::If on condition IsProd, which cannot be evaluated; a branch leaves it unset"}})
		with input.related as []
	result.path == ["cloud_watch_logs_group_arn"]
}
