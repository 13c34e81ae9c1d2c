package iacgate.rules.audit_logging.gcp_log_bucket_retention_lock_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_log_bucket_retention_lock as rule
import rego.v1

gcs_lock_bucket(attributes) := testing.resource("google_storage_bucket", attributes)


test_bucket_no_log_is_written_to_is_not_applicable if {
	some result in rule.deny with input.resource as gcs_lock_bucket({"name": "media"})
		with input.related as []
	result.not_applicable
}

test_locked_policy_passes if {
	count(rule.deny) == 0 with input.resource as gcs_lock_bucket({"retention_policy": [{"retention_period": 31536000, "is_locked": true}]})
		with input.related as [testing.referrer("google_logging_project_sink", "destination", {"name": "audit"})]
}

test_missing_policy_fails if {
	some result in rule.deny with input.resource as gcs_lock_bucket({"name": "audit"})
		with input.related as [testing.referrer("google_logging_project_sink", "destination", {"name": "audit"})]
	result.path == ["retention_policy"]
}

test_unlocked_policy_fails if {
	some result in rule.deny with input.resource as gcs_lock_bucket({"retention_policy": {"retention_period": 31536000}})
		with input.related as [testing.referrer("google_storage_bucket", "logging", {})]
	result.path == ["retention_policy", "is_locked"]
	result.message == "log bucket can be emptied or its logs overwritten: retention_policy.is_locked is not set (false when not set), required true"
}

test_unknown_lock_is_reported_at_its_path if {
	some result in rule.deny with input.resource as gcs_lock_bucket({"retention_policy": [{"is_locked": testing.unknown}]})
		with input.related as [testing.referrer("google_logging_project_sink", "destination", {"name": "audit"})]
	result.path == ["retention_policy", 0, "is_locked"]
}
