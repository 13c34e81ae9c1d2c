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
