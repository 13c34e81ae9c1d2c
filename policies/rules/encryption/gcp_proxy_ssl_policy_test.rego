package iacgate.rules.encryption.gcp_proxy_ssl_policy_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_proxy_ssl_policy
import rego.v1

test_proxy_with_policy_passes if {
	count(gcp_proxy_ssl_policy.deny) == 0 with input.resource as testing.resource("google_compute_target_https_proxy", {"ssl_policy": testing.unknown})
		with input.related as []
}

test_ssl_proxy_with_policy_name_passes if {
	count(gcp_proxy_ssl_policy.deny) == 0 with input.resource as testing.resource("google_compute_target_ssl_proxy", {"ssl_policy": "projects/acme/global/sslPolicies/modern"})
		with input.related as []
}

test_proxy_without_policy_fails_at_resource if {
	some result in gcp_proxy_ssl_policy.deny with input.resource as testing.resource("google_compute_target_https_proxy", {"ssl_policy": null})
		with input.related as []
	result.path == []
	contains(result.message, "ssl_policy is not set")
}
