package iacgate.rules.audit_logging.aws_log_mq_broker_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_mq_broker_logs
import rego.v1

log_mq_subject(attributes) := testing.resource("aws_mq_broker", attributes)

test_activemq_general_and_audit_pass if {
	count(aws_log_mq_broker_logs.deny) == 0 with input.resource as log_mq_subject({"engine_type": "ActiveMQ", "logs": [{"general": true, "audit": true}]})
		with input.related as []
}

test_rabbitmq_needs_general_only if {
	count(aws_log_mq_broker_logs.deny) == 0 with input.resource as log_mq_subject({"engine_type": "RabbitMQ", "logs": {"general": true}})
		with input.related as []
}

test_activemq_without_audit_fails if {
	some result in aws_log_mq_broker_logs.deny with input.resource as log_mq_subject({"engine_type": "ActiveMQ", "logs": [{"general": true}]})
		with input.related as []
	result.path == ["logs", 0, "audit"]
	result.message == "MQ broker does not publish audit logs: logs.audit is not set, required true"
}

test_missing_logs_fail if {
	some result in aws_log_mq_broker_logs.deny with input.resource as log_mq_subject({"engine_type": "RabbitMQ"})
		with input.related as []
	result.path == ["logs"]
	result.message == "MQ broker publishes no logs: logs is not set, required general logs on"
}

# Issue 16 §2: an engine that is unknown (engine_type = var.engine) or missing is never a pass.
test_unknown_engine_without_audit_is_undetermined if {
	some result in aws_log_mq_broker_logs.deny with input.resource as log_mq_subject({"engine_type": {"__unknown__": "variable 'engine' has no value"}, "logs": [{"general": true}]})
		with input.related as []
	result.path == ["engine_type"]
	result.status == "undetermined"
}

test_missing_engine_without_audit_is_undetermined if {
	some result in aws_log_mq_broker_logs.deny with input.resource as log_mq_subject({"logs": [{"general": true}]})
		with input.related as []
	result.path == ["engine_type"]
	result.status == "undetermined"
}

test_unknown_engine_with_audit_passes if {
	count(aws_log_mq_broker_logs.deny) == 0 with input.resource as log_mq_subject({"engine_type": {"__unknown__": "known after apply"}, "logs": [{"general": true, "audit": true}]})
		with input.related as []
}
