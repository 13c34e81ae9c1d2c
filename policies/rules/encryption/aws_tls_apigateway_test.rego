package iacgate.rules.encryption.aws_tls_apigateway_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_tls_apigateway_cache_encryption as cache_rule
import data.iacgate.rules.encryption.aws_tls_apigateway_domain_tls as domain_rule
import rego.v1

test_rest_domain_tls10_fails if {
	some result in domain_rule.deny with input.resource as testing.resource("aws_api_gateway_domain_name", {"security_policy": "TLS_1_0"})
		with input.related as []
	result.path == ["security_policy"]
	contains(result.message, "security_policy is TLS_1_0")
}

test_rest_domain_without_policy_passes if {
	count(domain_rule.deny) == 0 with input.resource as testing.resource("aws_api_gateway_domain_name", {})
		with input.related as []
}

test_rest_domain_edge_enhanced_policy_passes if {
	count(domain_rule.deny) == 0 with input.resource as testing.resource("aws_api_gateway_domain_name", {"security_policy": "SecurityPolicy_TLS13_2025_EDGE"})
		with input.related as []
}

test_rest_domain_tls12_passes if {
	count(domain_rule.deny) == 0 with input.resource as testing.resource("aws_api_gateway_domain_name", {"security_policy": "TLS_1_2"})
		with input.related as []
}

test_enhanced_policy_passes if {
	count(domain_rule.deny) == 0 with input.resource as testing.resource("aws_api_gateway_domain_name", {"security_policy": "SecurityPolicy_TLS13_1_3_2025_09"})
		with input.related as []
}

test_http_domain_tls10_fails if {
	some result in domain_rule.deny with input.resource as testing.resource("aws_apigatewayv2_domain_name", {"domain_name_configuration": [{"security_policy": "TLS_1_0"}]})
		with input.related as []
	result.path == ["domain_name_configuration", 0, "security_policy"]
}

test_http_domain_tls12_passes if {
	count(domain_rule.deny) == 0 with input.resource as testing.resource("aws_apigatewayv2_domain_name", {"domain_name_configuration": {"security_policy": "TLS_1_2"}})
		with input.related as []
}

test_unencrypted_cache_fails if {
	some result in cache_rule.deny with input.resource as testing.resource("aws_api_gateway_method_settings", {"settings": [{"caching_enabled": true, "cache_data_encrypted": false}]})
		with input.related as []
	result.path == ["settings", 0, "cache_data_encrypted"]
	contains(result.message, "cache_data_encrypted is false")
}

test_encrypted_cache_passes if {
	count(cache_rule.deny) == 0 with input.resource as testing.resource("aws_api_gateway_method_settings", {"settings": {"caching_enabled": true, "cache_data_encrypted": true}})
		with input.related as []
}

test_no_cache_passes if {
	count(cache_rule.deny) == 0 with input.resource as testing.resource("aws_api_gateway_method_settings", {"settings": {"caching_enabled": false}})
		with input.related as []
}

test_cloudformation_stage_method_without_encryption_fails if {
	some result in cache_rule.deny with input.resource as testing.resource("aws_api_gateway_stage", {"method_settings": [
		{"caching_enabled": true, "cache_data_encrypted": true},
		{"caching_enabled": "true"},
	]})
		with input.related as []
	result.path == ["method_settings", 1, "cache_data_encrypted"]
}

test_cloudformation_deployment_stage_cache_unencrypted_fails if {
	deployment := object.union(
		testing.resource("aws_api_gateway_deployment", {"stage_description": {"caching_enabled": true}}),
		{"format": "cloudformation"},
	)
	some result in cache_rule.deny with input.resource as deployment with input.related as []
	result.path == ["stage_description", "cache_data_encrypted"]
}

test_cloudformation_deployment_method_cache_unencrypted_fails if {
	description := {"method_settings": [{"caching_enabled": true, "cache_data_encrypted": false}]}
	deployment := testing.resource("aws_api_gateway_deployment", {"stage_description": description})
	some result in cache_rule.deny with input.resource as deployment with input.related as []
	result.path == ["stage_description", "method_settings", 0, "cache_data_encrypted"]
}

test_terraform_deployment_text_description_is_not_applicable if {
	deployment := testing.resource("aws_api_gateway_deployment", {"stage_description": "release 42"})
	cache_rule.deny == {{"not_applicable": true}} with input.resource as deployment with input.related as []
}
