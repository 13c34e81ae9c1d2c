package iacgate.rules.audit_logging.aws_log_accelerator_flow_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_accelerator_flow_logs
import rego.v1

log_ga_subject(attributes) := testing.resource("aws_globalaccelerator_accelerator", attributes)

test_flow_logs_pass if {
	count(aws_log_accelerator_flow_logs.deny) == 0 with input.resource as log_ga_subject({"attributes": [{"flow_logs_enabled": true, "flow_logs_s3_bucket": "logs"}]})
		with input.related as []
}

test_flow_logs_off_fail if {
	some result in aws_log_accelerator_flow_logs.deny with input.resource as log_ga_subject({"attributes": {"flow_logs_enabled": false}})
		with input.related as []
	result.path == ["attributes", "flow_logs_enabled"]
	result.message == "accelerator writes no flow logs: attributes.flow_logs_enabled is false, required true"
}

test_missing_attributes_fail if {
	some result in aws_log_accelerator_flow_logs.deny with input.resource as log_ga_subject({"name": "edge"})
		with input.related as []
	result.path == ["attributes"]
}
