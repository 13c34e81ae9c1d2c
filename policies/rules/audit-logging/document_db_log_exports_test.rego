package iacgate.rules.audit_logging.document_db_log_exports_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.document_db_log_exports
import rego.v1

test_docdb_with_audit_and_profiler_passes if {
	count(document_db_log_exports.deny) == 0 with input.resource as testing.resource("aws_docdb_cluster", {"enabled_cloudwatch_logs_exports": ["audit", "profiler"]})
		with input.related as []
}

test_docdb_without_profiler_fails if {
	some result in document_db_log_exports.deny with input.resource as testing.resource("aws_docdb_cluster", {"enabled_cloudwatch_logs_exports": ["audit"]})
		with input.related as []
	result.path == ["enabled_cloudwatch_logs_exports"]
	result.message == "cluster does not export its profiler logs to CloudWatch Logs: enabled_cloudwatch_logs_exports is [\"audit\"], required audit and profiler"
}

test_neptune_with_audit_passes if {
	count(document_db_log_exports.deny) == 0 with input.resource as testing.resource("aws_neptune_cluster", {"enable_cloudwatch_logs_exports": ["audit"]})
		with input.related as []
}

# The finding names the argument Neptune has (EnableCloudwatchLogsExports on a template), also when it is
# not set.
test_neptune_without_exports_fails if {
	some result in document_db_log_exports.deny with input.resource as testing.resource("aws_neptune_cluster", {"engine": "neptune"})
		with input.related as []
	result.path == ["enable_cloudwatch_logs_exports"]
	startswith(result.message, "cluster does not export its audit logs to CloudWatch Logs: enable_cloudwatch_logs_exports is not set")
}

# Issue 16 §2: an export list unknown until apply is reported at its path (undetermined), and an unknown
# entry that may be the missing log makes the cluster undetermined.
test_unknown_exports_are_reported_at_their_path if {
	some result in document_db_log_exports.deny with input.resource as testing.resource("aws_docdb_cluster", {"enabled_cloudwatch_logs_exports": testing.unknown})
		with input.related as []
	result.path == ["enabled_cloudwatch_logs_exports"]
}

test_unknown_entry_is_undetermined if {
	some result in document_db_log_exports.deny with input.resource as testing.resource("aws_docdb_cluster", {"enabled_cloudwatch_logs_exports": ["audit", testing.unknown]})
		with input.related as []
	result.status == "undetermined"
}
