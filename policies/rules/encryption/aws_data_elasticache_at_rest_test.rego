package iacgate.rules.encryption.aws_data_elasticache_at_rest_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_elasticache_at_rest as rule
import rego.v1

test_cache_at_rest_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"at_rest_encryption_enabled": true},
	)
		with input.related as []
}

test_cache_at_rest_off_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"at_rest_encryption_enabled": false},
	)
		with input.related as []
	result.path == ["at_rest_encryption_enabled"]
	contains(result.message, "at_rest_encryption_enabled is false")
}

test_cache_at_rest_default_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_elasticache_replication_group", {})
		with input.related as []
	contains(result.message, "is not set")
}
