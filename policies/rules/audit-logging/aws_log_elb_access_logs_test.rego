package iacgate.rules.audit_logging.aws_log_elb_access_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_elb_access_logs
import rego.v1

log_elb_subject(attributes) := testing.resource("aws_elb", attributes)

log_elb_cfn_subject(attributes) := object.union(
	testing.resource("aws_elb", attributes),
	{"format": "cloudformation", "native_type": "AWS::ElasticLoadBalancing::LoadBalancer"},
)

test_access_logs_block_with_default_enabled_passes if {
	count(aws_log_elb_access_logs.deny) == 0 with input.resource as log_elb_subject({"access_logs": [{"bucket": "logs", "interval": 60}]})
		with input.related as []
}

test_missing_access_logs_fail if {
	some result in aws_log_elb_access_logs.deny with input.resource as log_elb_subject({"name": "web"})
		with input.related as []
	result.path == ["access_logs"]
}

test_disabled_access_logs_fail if {
	some result in aws_log_elb_access_logs.deny with input.resource as log_elb_subject({"access_logs": [{"bucket": "logs", "enabled": false}]})
		with input.related as []
	result.path == ["access_logs", 0, "enabled"]
	result.message == "classic load balancer writes no access logs: access_logs.enabled is false, required true"
}

test_cloudformation_enabled_passes if {
	count(aws_log_elb_access_logs.deny) == 0 with input.resource as log_elb_cfn_subject({"access_logs": {"enabled": true, "s3_bucket_name": "logs"}})
		with input.related as []
}

test_cloudformation_disabled_fails if {
	some result in aws_log_elb_access_logs.deny with input.resource as log_elb_cfn_subject({"access_logs": {"enabled": "false", "s3_bucket_name": "logs"}})
		with input.related as []
	result.path == ["access_logs", "enabled"]
}

# Issue 16 §2: access_logs.enabled unknown until apply may be false: reported at its path (undetermined).
test_unknown_enabled_is_reported_at_its_path if {
	some result in aws_log_elb_access_logs.deny with input.resource as testing.resource("aws_elb", {"access_logs": [{"bucket": "logs", "enabled": testing.unknown}]})
		with input.related as []
	result.path == ["access_logs", 0, "enabled"]
}
