package iacgate.rules.encryption.aws_data_msk_in_transit_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_msk_in_transit as rule
import rego.v1

test_msk_default_transit_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_msk_cluster", {})
		with input.related as []
}

test_msk_tls_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_msk_cluster",
		{"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS", "in_cluster": true}]}]},
	)
		with input.related as []
}

test_msk_plaintext_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_msk_cluster",
		{"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS_PLAINTEXT"}]}]},
	)
		with input.related as []
	result.path == ["encryption_info", 0, "encryption_in_transit", 0, "client_broker"]
	contains(result.message, "client_broker is TLS_PLAINTEXT, required TLS")
}

test_msk_in_cluster_off_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_msk_cluster",
		{"encryption_info": {"encryption_in_transit": {"in_cluster": false}}},
	)
		with input.related as []
	result.path == ["encryption_info", "encryption_in_transit", "in_cluster"]
}
