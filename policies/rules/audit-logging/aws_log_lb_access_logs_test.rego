package iacgate.rules.audit_logging.aws_log_lb_access_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_lb_access_logs
import rego.v1

log_lb_subject(attributes) := testing.resource("aws_lb", attributes)

log_lb_cfn_subject(attributes) := object.union(
	testing.resource("aws_lb", attributes),
	{"format": "cloudformation", "native_type": "AWS::ElasticLoadBalancingV2::LoadBalancer"},
)

test_enabled_access_logs_pass if {
	count(aws_log_lb_access_logs.deny) == 0 with input.resource as log_lb_subject({"load_balancer_type": "application", "access_logs": [{"bucket": "logs", "enabled": true}]})
		with input.related as []
}

test_missing_access_logs_fail if {
	some result in aws_log_lb_access_logs.deny with input.resource as log_lb_subject({"load_balancer_type": "application"})
		with input.related as []
	result.path == ["access_logs"]
}

test_bucket_without_enabled_fails if {
	some result in aws_log_lb_access_logs.deny with input.resource as log_lb_subject({"load_balancer_type": "network", "access_logs": [{"bucket": "logs"}]})
		with input.related as []
	result.path == ["access_logs", 0, "enabled"]
	result.message == "load balancer writes no access logs: access_logs.enabled is not set, required true"
}

test_pulumi_disabled_access_logs_fail if {
	some result in aws_log_lb_access_logs.deny with input.resource as object.union(log_lb_subject({"access_logs": {"bucket": "logs", "enabled": false}}), {"format": "pulumi"})
		with input.related as []
	result.path == ["access_logs", "enabled"]
	result.message == "load balancer writes no access logs: access_logs.enabled is false, required true"
}

test_gateway_load_balancer_is_not_applicable if {
	aws_log_lb_access_logs.deny == {{"not_applicable": true}} with input.resource as log_lb_subject({"load_balancer_type": "gateway"})
		with input.related as []
}

test_cloudformation_attribute_true_passes if {
	count(aws_log_lb_access_logs.deny) == 0 with input.resource as log_lb_cfn_subject({"type": "application", "load_balancer_attributes": [{"key": "access_logs.s3.bucket", "value": "logs"}, {"key": "access_logs.s3.enabled", "value": "true"}]})
		with input.related as []
}

test_cloudformation_attribute_false_fails if {
	some result in aws_log_lb_access_logs.deny with input.resource as log_lb_cfn_subject({"load_balancer_attributes": [{"key": "idle_timeout.timeout_seconds", "value": "60"}, {"key": "access_logs.s3.enabled", "value": "false"}]})
		with input.related as []
	result.path == ["load_balancer_attributes", 1, "value"]
}

test_cloudformation_without_attribute_fails if {
	count(aws_log_lb_access_logs.deny) == 1 with input.resource as log_lb_cfn_subject({"type": "network"})
		with input.related as []
}
