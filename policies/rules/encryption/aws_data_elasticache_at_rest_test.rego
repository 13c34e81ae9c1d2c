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

test_cache_valkey_default_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_elasticache_replication_group", {"engine": "valkey"})
		with input.related as []
}

test_cache_valkey_off_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"engine": "valkey", "at_rest_encryption_enabled": false},
	)
		with input.related as []
	result.path == ["at_rest_encryption_enabled"]
}

test_cache_engine_unknown_reported_at_engine if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"engine": {"__unknown__": "var.engine"}},
	)
		with input.related as []
	result.path == ["engine"]
}

test_cache_global_secondary_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"global_replication_group_id": "ldgnf-sessions"},
	)
		with input.related as []
}
