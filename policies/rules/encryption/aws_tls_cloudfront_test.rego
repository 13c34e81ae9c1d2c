package iacgate.rules.encryption.aws_tls_cloudfront_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_tls_cloudfront_minimum_tls as minimum_rule
import data.iacgate.rules.encryption.aws_tls_cloudfront_origin_protocol as origin_rule
import data.iacgate.rules.encryption.aws_tls_cloudfront_origin_ssl as origin_ssl_rule
import data.iacgate.rules.encryption.aws_tls_cloudfront_viewer_protocol as viewer_rule
import rego.v1

tls_test_distribution(attributes) := testing.resource("aws_cloudfront_distribution", attributes)

tls_test_acm(minimum) := [{"acm_certificate_arn": "arn:aws:acm:us-east-1:1:certificate/x", "minimum_protocol_version": minimum}]

test_allow_all_default_behaviour_fails if {
	some result in viewer_rule.deny with input.resource as tls_test_distribution({
		"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}],
	})
		with input.related as []
	result.path == ["default_cache_behavior", 0, "viewer_protocol_policy"]
	contains(result.message, "viewer_protocol_policy is allow-all")
}

test_cloudformation_ordered_allow_all_fails if {
	some result in viewer_rule.deny with input.resource as tls_test_distribution({"distribution_config": {
		"default_cache_behavior": {"viewer_protocol_policy": "https-only"},
		"cache_behaviors": [{"viewer_protocol_policy": "allow-all"}],
	}})
		with input.related as []
	result.path == ["distribution_config", "cache_behaviors", 0, "viewer_protocol_policy"]
}

test_redirect_passes if {
	count(viewer_rule.deny) == 0 with input.resource as tls_test_distribution({
		"default_cache_behavior": {"viewer_protocol_policy": "redirect-to-https"},
		"ordered_cache_behavior": [{"viewer_protocol_policy": "https-only"}],
	})
		with input.related as []
}

test_old_minimum_fails if {
	some result in minimum_rule.deny with input.resource as tls_test_distribution({
		"aliases": ["a.example.com"], "viewer_certificate": tls_test_acm("TLSv1.2_2018"),
	})
		with input.related as []
	result.path == ["viewer_certificate", 0, "minimum_protocol_version"]
	contains(result.message, "minimum_protocol_version is TLSv1.2_2018")
}

test_current_minimum_passes if {
	count(minimum_rule.deny) == 0 with input.resource as tls_test_distribution({
		"aliases": ["a.example.com"], "viewer_certificate": tls_test_acm("TLSv1.2_2021"),
	})
		with input.related as []
}

test_default_certificate_with_aliases_fails if {
	some result in minimum_rule.deny with input.resource as tls_test_distribution({"distribution_config": {
		"aliases": ["a.example.com"], "viewer_certificate": {"cloud_front_default_certificate": true},
	}})
		with input.related as []
	result.path == ["distribution_config", "viewer_certificate"]
}

test_default_certificate_without_aliases_passes if {
	count(minimum_rule.deny) == 0 with input.resource as tls_test_distribution({
		"viewer_certificate": [{"cloudfront_default_certificate": true}],
	})
		with input.related as []
}

test_http_origin_fails if {
	some result in origin_rule.deny with input.resource as tls_test_distribution({
		"origin": [{"custom_origin_config": [{"origin_protocol_policy": "http-only"}]}],
		"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}],
	})
		with input.related as []
	result.path == ["origin", 0, "custom_origin_config", 0, "origin_protocol_policy"]
}

test_match_viewer_with_https_viewers_passes if {
	count(origin_rule.deny) == 0 with input.resource as tls_test_distribution({
		"origin": [{"custom_origin_config": {"origin_protocol_policy": "match-viewer"}}],
		"default_cache_behavior": {"viewer_protocol_policy": "redirect-to-https"},
	})
		with input.related as []
}

test_match_viewer_with_http_viewers_fails if {
	count(origin_rule.deny) == 1 with input.resource as tls_test_distribution({
		"origin": [{"custom_origin_config": {"origin_protocol_policy": "match-viewer"}}],
		"default_cache_behavior": {"viewer_protocol_policy": "allow-all"},
	})
		with input.related as []
}

test_s3_origin_passes if {
	count(origin_rule.deny) == 0 with input.resource as tls_test_distribution({"distribution_config": {
		"origins": [{"s3_origin_config": {}}],
		"default_cache_behavior": {"viewer_protocol_policy": "allow-all"},
	}})
		with input.related as []
}

test_origin_tls10_fails if {
	some result in origin_ssl_rule.deny with input.resource as tls_test_distribution({
		"origin": [{"custom_origin_config": [{"origin_ssl_protocols": ["TLSv1.2", "TLSv1"]}]}],
	})
		with input.related as []
	result.path == ["origin", 0, "custom_origin_config", 0, "origin_ssl_protocols", 1]
	contains(result.message, "holds TLSv1,")
}

# Reached over plain HTTP only, an origin negotiates no TLS: ENC-CLOUDFRONT-003 reports it, not this rule.
test_http_only_origin_protocols_are_not_reported_twice if {
	count(origin_ssl_rule.deny) == 0 with input.resource as tls_test_distribution({
		"origin": [{"custom_origin_config": [{"origin_protocol_policy": "http-only", "origin_ssl_protocols": ["TLSv1"]}]}],
	})
		with input.related as []
	count(origin_rule.deny) == 1 with input.resource as tls_test_distribution({
		"origin": [{"custom_origin_config": [{"origin_protocol_policy": "http-only", "origin_ssl_protocols": ["TLSv1"]}]}],
		"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}],
	})
		with input.related as []
}

test_origin_tls10_beside_an_http_only_origin_fails if {
	count(origin_ssl_rule.deny) == 1 with input.resource as tls_test_distribution({"origin": [
		{"custom_origin_config": [{"origin_protocol_policy": "http-only", "origin_ssl_protocols": ["TLSv1"]}]},
		{"custom_origin_config": [{"origin_protocol_policy": "https-only", "origin_ssl_protocols": ["TLSv1"]}]},
	]})
		with input.related as []
}

test_origin_tls12_passes if {
	count(origin_ssl_rule.deny) == 0 with input.resource as tls_test_distribution({"distribution_config": {
		"origins": [{"custom_origin_config": {"origin_ssl_protocols": ["TLSv1.2"]}}],
	}})
		with input.related as []
}
