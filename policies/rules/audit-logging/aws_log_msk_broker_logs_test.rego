package iacgate.rules.audit_logging.aws_log_msk_broker_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_msk_broker_logs
import rego.v1

log_msk_subject(attributes) := testing.resource("aws_msk_cluster", attributes)

test_cloudwatch_broker_logs_pass if {
	count(aws_log_msk_broker_logs.deny) == 0 with input.resource as log_msk_subject({"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": true, "log_group": "/msk"}]}]}]})
		with input.related as []
}

test_cloudformation_spelling_passes if {
	count(aws_log_msk_broker_logs.deny) == 0 with input.resource as object.union(log_msk_subject({"logging_info": {"broker_logs": {"cloud_watch_logs": {"enabled": true}}}}), {"format": "cloudformation"})
		with input.related as []
}

test_all_destinations_off_fail if {
	some result in aws_log_msk_broker_logs.deny with input.resource as log_msk_subject({"logging_info": {"broker_logs": {"s3": {"enabled": false}}}})
		with input.related as []
	result.path == ["logging_info", "broker_logs", "s3", "enabled"]
	result.message == "MSK cluster delivers no broker logs: broker_logs.s3.enabled is false, required true for at least one destination"
}

test_missing_logging_info_fails if {
	some result in aws_log_msk_broker_logs.deny with input.resource as log_msk_subject({"cluster_name": "events"})
		with input.related as []
	result.path == ["logging_info"]
}
