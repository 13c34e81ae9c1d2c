package iacgate.rules.residency.global_service_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.global_service
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

test_global_service_denied_by_default if {
	count(global_service.deny) == 1 with input.resource as testing.resource("aws_cloudfront_distribution", {})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_global_services_allowed if {
	count(global_service.deny) == 0 with input.resource as testing.resource("aws_cloudfront_distribution", {})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1"], "global_services": "allow"}}
}

test_regional_waf_is_not_global if {
	count(global_service.deny) == 0 with input.resource as testing.resource("aws_wafv2_web_acl", {"scope": "REGIONAL"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_unknown_waf_scope_is_reported_at_the_scope if {
	results := global_service.deny with input.resource as testing.resource("aws_wafv2_web_acl", {"scope": testing.unknown})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1"], "classifications": {"pci": ["eu-west-1"]}}}
	count(results) == 1
	some result in results
	result.path == ["scope"]
}
