package iacgate.rules.encryption.gcp_ssl_policy_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_ssl_policy_profile
import data.iacgate.rules.encryption.gcp_ssl_policy_tls
import rego.v1

ssl_policy(attributes) := testing.resource("google_compute_ssl_policy", attributes)

test_tls12_passes if {
	count(gcp_ssl_policy_tls.deny) == 0 with input.resource as ssl_policy({"min_tls_version": "TLS_1_2"}) with input.related as []
}

test_tls10_fails_at_min_tls_version if {
	some result in gcp_ssl_policy_tls.deny with input.resource as ssl_policy({"min_tls_version": "TLS_1_0"})
		with input.related as []
	result.path == ["min_tls_version"]
	contains(result.message, "TLS_1_0")
}

test_default_tls_fails_at_resource if {
	some result in gcp_ssl_policy_tls.deny with input.resource as ssl_policy({}) with input.related as []
	result.path == []
}

test_modern_profile_passes if {
	count(gcp_ssl_policy_profile.deny) == 0 with input.resource as ssl_policy({"profile": "MODERN"}) with input.related as []
}

test_restricted_profile_passes if {
	count(gcp_ssl_policy_profile.deny) == 0 with input.resource as ssl_policy({"profile": "RESTRICTED"}) with input.related as []
}

test_fips_profile_passes if {
	count(gcp_ssl_policy_profile.deny) == 0 with input.resource as ssl_policy({"profile": "FIPS_202205"}) with input.related as []
}

test_compatible_profile_fails if {
	some result in gcp_ssl_policy_profile.deny with input.resource as ssl_policy({"profile": "COMPATIBLE"}) with input.related as []
	result.path == ["profile"]
}

test_default_profile_fails if {
	some result in gcp_ssl_policy_profile.deny with input.resource as ssl_policy({}) with input.related as []
	result.path == []
}

test_custom_profile_with_strong_suites_passes if {
	count(gcp_ssl_policy_profile.deny) == 0 with input.resource as ssl_policy({
		"profile": "CUSTOM",
		"custom_features": ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"],
	})
		with input.related as []
}

test_custom_profile_with_rsa_suites_fails if {
	some result in gcp_ssl_policy_profile.deny with input.resource as ssl_policy({
		"profile": "CUSTOM",
		"custom_features": ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"],
	})
		with input.related as []
	result.path == ["custom_features"]
	contains(result.message, "TLS_RSA_WITH_3DES_EDE_CBC_SHA")
}

# Values unknown until apply fail at their path, which the engine reports as undetermined: never a pass.
test_unknown_min_tls_version_fails_at_its_path if {
	some result in gcp_ssl_policy_tls.deny with input.resource as ssl_policy({"min_tls_version": testing.unknown}) with input.related as []
	result.path == ["min_tls_version"]
}

test_unknown_profile_fails_at_its_path if {
	some result in gcp_ssl_policy_profile.deny with input.resource as ssl_policy({"profile": testing.unknown}) with input.related as []
	result.path == ["profile"]
}

test_unknown_custom_feature_fails_at_its_path if {
	some result in gcp_ssl_policy_profile.deny with input.resource as ssl_policy({"profile": "CUSTOM", "custom_features": ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", testing.unknown]}) with input.related as []
	result.path == ["custom_features", 1]
}
