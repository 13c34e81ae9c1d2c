package iacgate.rules.encryption.aws_data_opensearch_at_rest_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_opensearch_at_rest as rule
import rego.v1

test_domain_at_rest_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true}]})
		with input.related as []
}

test_domain_object_shape_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_elasticsearch_domain", {"encrypt_at_rest": {"enabled": "true"}})
		with input.related as []
}

test_domain_at_rest_off_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_opensearch_domain", {"encrypt_at_rest": {"enabled": false}})
		with input.related as []
	result.path == ["encrypt_at_rest", "enabled"]
	contains(result.message, "encrypt_at_rest.enabled is false")
}

test_domain_without_block_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_opensearch_domain", {})
		with input.related as []
	result.path == ["encrypt_at_rest"]
}
