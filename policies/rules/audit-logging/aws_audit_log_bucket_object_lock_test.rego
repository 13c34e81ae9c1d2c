package iacgate.rules.audit_logging.aws_audit_log_bucket_object_lock_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_log_bucket_object_lock
import rego.v1

trail := testing.referrer("aws_cloudtrail", "s3_bucket_name", {"name": "org"})

test_inline_compliance_retention_passes if {
	count(aws_audit_log_bucket_object_lock.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": true, "object_lock_configuration": [{"object_lock_enabled": "Enabled", "rule": [{"default_retention": [{"mode": "COMPLIANCE", "days": 365}]}]}]})
		with input.related as [trail]
}

test_cloudformation_compliance_retention_passes if {
	count(aws_audit_log_bucket_object_lock.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": true, "object_lock_configuration": {"object_lock_enabled": "Enabled", "rule": {"default_retention": {"mode": "COMPLIANCE", "days": 365}}}})
		with input.related as [trail]
}

test_lock_without_default_retention_fails if {
	some result in aws_audit_log_bucket_object_lock.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": true})
		with input.related as [trail]
	result.path == ["object_lock_configuration"]
	contains(result.message, "no default retention")
	object.get(result, "status", "failed") == "failed"
}

test_governance_retention_fails if {
	some result in aws_audit_log_bucket_object_lock.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": true})
		with input.related as [trail, testing.referrer("aws_s3_bucket_object_lock_configuration", "bucket", {"rule": [{"default_retention": [{"mode": "GOVERNANCE", "days": 365}]}]})]
	contains(result.message, "s3:BypassGovernanceRetention")
	object.get(result, "status", "failed") == "failed"
}

test_unknown_retention_mode_is_undetermined if {
	results := aws_audit_log_bucket_object_lock.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": true})
		with input.related as [trail, testing.referrer("aws_s3_bucket_object_lock_configuration", "bucket", {"rule": [{"default_retention": [{"mode": testing.unknown, "days": 365}]}]})]
	count(results) == 1
	some result in results
	object.get(result, "status", null) == "undetermined"
}

test_unknown_rule_block_is_undetermined if {
	results := aws_audit_log_bucket_object_lock.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": true})
		with input.related as [trail, testing.referrer("aws_s3_bucket_object_lock_configuration", "bucket", {"rule": testing.unknown})]
	count(results) == 1
	some result in results
	object.get(result, "status", null) == "undetermined"
}

test_separate_lock_configuration_passes if {
	count(aws_audit_log_bucket_object_lock.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail"})
		with input.related as [trail, testing.referrer("aws_s3_bucket_object_lock_configuration", "bucket", {"rule": [{"default_retention": [{"mode": "COMPLIANCE", "days": 365}]}]})]
}

test_unlocked_trail_bucket_fails if {
	some result in aws_audit_log_bucket_object_lock.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail"})
		with input.related as [trail]
	result.path == ["object_lock_enabled"]
}

test_unlocked_access_log_target_fails if {
	count(aws_audit_log_bucket_object_lock.deny) == 1 with input.resource as testing.resource("aws_s3_bucket", {"bucket": "logs", "object_lock_enabled": false})
		with input.related as [testing.referrer("aws_s3_bucket_logging", "target_bucket", {})]
}

test_other_buckets_are_not_judged if {
	aws_audit_log_bucket_object_lock.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_s3_bucket", {"bucket": "data"})
		with input.related as []
}

test_unknown_lock_is_reported_at_its_path if {
	some result in aws_audit_log_bucket_object_lock.deny with input.resource as testing.resource("aws_s3_bucket", {"bucket": "trail", "object_lock_enabled": testing.unknown})
		with input.related as [trail]
	result.path == ["object_lock_enabled"]
}
