package iacgate.rules.encryption.aws_data_elasticache_in_transit_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_elasticache_in_transit as rule
import rego.v1

test_cache_tls_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"transit_encryption_enabled": true, "transit_encryption_mode": "required"},
	)
		with input.related as []
}

test_cache_plaintext_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"transit_encryption_enabled": false},
	)
		with input.related as []
	result.path == ["transit_encryption_enabled"]
	contains(result.message, "transit_encryption_enabled is false")
}

test_cache_preferred_mode_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"transit_encryption_enabled": true, "transit_encryption_mode": "preferred"},
	)
		with input.related as []
	result.path == ["transit_encryption_mode"]
	contains(result.message, "transit_encryption_mode is preferred")
}

test_memcached_cluster_default_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_elasticache_cluster", {"engine": "memcached"})
		with input.related as []
	result.path == ["transit_encryption_enabled"]
	contains(result.message, "Memcached cluster")
}

test_memcached_cluster_tls_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_elasticache_cluster",
		{"engine": "memcached", "transit_encryption_enabled": true},
	)
		with input.related as []
}

test_redis_node_cluster_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource(
		"aws_elasticache_cluster",
		{"replication_group_id": "sessions"},
	)
		with input.related as []
}

test_cluster_engine_unknown_reported_at_engine if {
	some result in rule.deny with input.resource as testing.resource("aws_elasticache_cluster", {"engine": testing.unknown})
		with input.related as []
	result.path == ["engine"]
}

test_global_secondary_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource(
		"aws_elasticache_replication_group",
		{"global_replication_group_id": "ldgnf-sessions"},
	)
		with input.related as []
}
