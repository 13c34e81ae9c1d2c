package iacgate.rules.audit_logging.aws_log_search_domain_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_search_domain_logs
import rego.v1

log_search_subject(attributes) := testing.resource("aws_opensearch_domain", attributes)

log_search_options(types) := [{"log_type": kind, "cloudwatch_log_group_arn": "arn:aws:logs:eu-west-1:1:log-group:os"} | some kind in types]

test_all_logs_with_fine_grained_access_pass if {
	count(aws_log_search_domain_logs.deny) == 0 with input.resource as log_search_subject({"advanced_security_options": [{"enabled": true}], "log_publishing_options": log_search_options(["AUDIT_LOGS", "ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"])})
		with input.related as []
}

test_audit_not_required_without_fine_grained_access if {
	count(aws_log_search_domain_logs.deny) == 0 with input.resource as log_search_subject({"log_publishing_options": log_search_options(["ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"])})
		with input.related as []
}

test_missing_audit_with_fine_grained_access_fails if {
	some result in aws_log_search_domain_logs.deny with input.resource as log_search_subject({"advanced_security_options": [{"enabled": true}], "log_publishing_options": log_search_options(["ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"])})
		with input.related as []
	result.path == ["log_publishing_options"]
	startswith(result.message, "search domain does not publish AUDIT_LOGS: ")
}

test_disabled_type_points_at_its_flag if {
	some result in aws_log_search_domain_logs.deny with input.resource as log_search_subject({"log_publishing_options": [
		{"log_type": "ES_APPLICATION_LOGS", "enabled": false},
		{"log_type": "INDEX_SLOW_LOGS"},
		{"log_type": "SEARCH_SLOW_LOGS"},
	]})
		with input.related as []
	result.path == ["log_publishing_options", 0, "enabled"]
	result.message == "search domain does not publish ES_APPLICATION_LOGS: enabled is false, required true"
}

test_cloudformation_map_passes if {
	count(aws_log_search_domain_logs.deny) == 0 with input.resource as object.union(
		log_search_subject({"log_publishing_options": {
			"ES_APPLICATION_LOGS": {"cloud_watch_logs_log_group_arn": "g", "enabled": true},
			"INDEX_SLOW_LOGS": {"cloud_watch_logs_log_group_arn": "g"},
			"SEARCH_SLOW_LOGS": {"cloud_watch_logs_log_group_arn": "g"},
		}}),
		{"format": "cloudformation"},
	)
		with input.related as []
}

test_no_logs_fail if {
	count(aws_log_search_domain_logs.deny) == 1 with input.resource as log_search_subject({"domain_name": "search"})
		with input.related as []
}

# Issue 16 §2: a log type unknown until apply may be a missing one: undetermined, never a crash or a pass.
test_unknown_log_type_is_undetermined if {
	some result in aws_log_search_domain_logs.deny with input.resource as testing.resource("aws_opensearch_domain", {"log_publishing_options": [
		{"log_type": "INDEX_SLOW_LOGS", "cloudwatch_log_group_arn": "a"},
		{"log_type": "SEARCH_SLOW_LOGS", "cloudwatch_log_group_arn": "b"},
		{"log_type": testing.unknown, "cloudwatch_log_group_arn": "c"},
	]})
		with input.related as []
	result.status == "undetermined"
}

test_unknown_enabled_is_reported_at_its_path if {
	some result in aws_log_search_domain_logs.deny with input.resource as testing.resource("aws_opensearch_domain", {"log_publishing_options": [
		{"log_type": "INDEX_SLOW_LOGS", "cloudwatch_log_group_arn": "a"},
		{"log_type": "SEARCH_SLOW_LOGS", "cloudwatch_log_group_arn": "b"},
		{"log_type": "ES_APPLICATION_LOGS", "cloudwatch_log_group_arn": "c", "enabled": testing.unknown},
	]})
		with input.related as []
	result.path == ["log_publishing_options", 2, "enabled"]
}
