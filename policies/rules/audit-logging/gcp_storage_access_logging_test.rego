package iacgate.rules.audit_logging.gcp_storage_access_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_storage_access_logging
import rego.v1

test_bucket_with_log_bucket_passes if {
	count(gcp_storage_access_logging.deny) == 0 with input.resource as testing.resource("google_storage_bucket", {"logging": [{"log_bucket": testing.unknown}]})
		with input.related as []
}

test_bucket_without_logging_fails if {
	some result in gcp_storage_access_logging.deny with input.resource as testing.resource("google_storage_bucket", {})
		with input.related as []
	result.path == []
}

test_log_bucket_is_exempt if {
	gcp_storage_access_logging.deny == {{"not_applicable": true}} with input.resource as testing.resource("google_storage_bucket", {})
		with input.related as [testing.referrer("google_storage_bucket", "logging", {"logging": [{"log_bucket": testing.unknown}]})]
}

test_other_referrers_do_not_exempt if {
	count(gcp_storage_access_logging.deny) == 1 with input.resource as testing.resource("google_storage_bucket", {})
		with input.related as [testing.referrer("google_storage_bucket_iam_member", "bucket", {})]
}
