package iacgate.rules.encryption.aws_data_opensearch_https_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_opensearch_https as rule
import rego.v1

test_https_tls12_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_opensearch_domain",
		{"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]},
	)
		with input.related as []
}

test_http_allowed_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_opensearch_domain",
		{"domain_endpoint_options": [{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]},
	)
		with input.related as []
	result.path == ["domain_endpoint_options", 0, "enforce_https"]
}

test_tls10_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_opensearch_domain",
		{"domain_endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}},
	)
		with input.related as []
	result.path == ["domain_endpoint_options", "tls_security_policy"]
	contains(result.message, "tls_security_policy is Policy-Min-TLS-1-0-2019-07")
}

test_opensearch_https_provider_default_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_opensearch_domain",
		{"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]},
	)
		with input.related as []
}

test_opensearch_https_not_set_cfn_fails if {
	some result in rule.deny with input.resource as object.union(
		testing.resource("aws_opensearch_domain", {"domain_endpoint_options": {"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}}),
		{"format": "cloudformation"},
	)
		with input.related as []
	result.path == ["domain_endpoint_options", "enforce_https"]
}
