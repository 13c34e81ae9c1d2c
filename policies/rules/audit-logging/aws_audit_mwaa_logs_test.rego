package iacgate.rules.audit_logging.aws_audit_mwaa_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_mwaa_logs
import rego.v1

environment(attributes) := testing.resource("aws_mwaa_environment", attributes)

on := {"enabled": true, "log_level": "INFO"}

test_all_five_pass if {
	count(aws_audit_mwaa_logs.deny) == 0 with input.resource as environment({"logging_configuration": [{"dag_processing_logs": [on], "scheduler_logs": [on], "task_logs": [on], "webserver_logs": [on], "worker_logs": [on]}]})
		with input.related as []
}

test_cloudformation_objects_pass if {
	count(aws_audit_mwaa_logs.deny) == 0 with input.resource as environment({"logging_configuration": {"dag_processing_logs": on, "scheduler_logs": on, "task_logs": on, "webserver_logs": on, "worker_logs": {"enabled": "true"}}})
		with input.related as []
}

test_missing_configuration_fails if {
	some result in aws_audit_mwaa_logs.deny with input.resource as environment({"name": "airflow"})
		with input.related as []
	result.path == ["logging_configuration"]
}

test_task_logs_only_fails_four_times if {
	results := aws_audit_mwaa_logs.deny with input.resource as environment({"logging_configuration": [{"task_logs": [on], "worker_logs": [{"enabled": false}]}]})
		with input.related as []
	count(results) == 4
	some result in results
	result.path == ["logging_configuration", 0, "worker_logs", 0, "enabled"]
	result.message == "Airflow environment does not publish its worker logs: logging_configuration.worker_logs.enabled is false, required true"
}

test_unknown_enabled_is_reported_at_its_path if {
	some result in aws_audit_mwaa_logs.deny with input.resource as environment({"logging_configuration": [{"dag_processing_logs": [on], "scheduler_logs": [on], "task_logs": [on], "webserver_logs": [on], "worker_logs": [{"enabled": testing.unknown}]}]})
		with input.related as []
	result.path == ["logging_configuration", 0, "worker_logs", 0, "enabled"]
}
