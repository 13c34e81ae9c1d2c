package iacgate.rules.audit_logging.gcp_logging_bucket_retention_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_logging_bucket_retention
import rego.v1

workspace(attributes) := testing.resource("google_logging_project_bucket_config", attributes)

test_a_year_passes if {
	count(gcp_logging_bucket_retention.deny) == 0 with input.resource as workspace({"retention_days": 365})
		with input.related as []
}

test_default_thirty_days_fails if {
	some result in gcp_logging_bucket_retention.deny with input.resource as workspace({"bucket_id": "audit"})
		with input.related as []
	result.path == ["retention_days"]
	result.message == "log store keeps logs for 30 days (the default): retention_days is not set, required at least 365 days"
}

test_ninety_days_fails_by_default_and_passes_a_ninety_day_minimum if {
	count(gcp_logging_bucket_retention.deny) == 1 with input.resource as workspace({"retention_days": 90})
		with input.related as []
	count(gcp_logging_bucket_retention.deny) == 0 with input.resource as workspace({"retention_days": 90})
		with input.related as []
		with input.settings as {"min_log_retention_days": 90}
}

test_gcp_bucket_short_fails if {
	some result in gcp_logging_bucket_retention.deny with input.resource as testing.resource("google_logging_project_bucket_config", {"bucket_id": "_Default", "retention_days": 30})
		with input.related as []
	result.path == ["retention_days"]
}

test_unknown_is_reported_at_its_path if {
	some result in gcp_logging_bucket_retention.deny with input.resource as workspace({"retention_days": testing.unknown})
		with input.related as []
	result.path == ["retention_days"]
}
