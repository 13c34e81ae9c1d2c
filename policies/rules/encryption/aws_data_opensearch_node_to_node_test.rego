package iacgate.rules.encryption.aws_data_opensearch_node_to_node_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_opensearch_node_to_node as rule
import rego.v1

test_node_to_node_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_opensearch_domain",
		{"node_to_node_encryption": [{"enabled": true}]},
	)
		with input.related as []
}

test_node_to_node_off_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_opensearch_domain",
		{"node_to_node_encryption": [{"enabled": false}]},
	)
		with input.related as []
	result.path == ["node_to_node_encryption", 0, "enabled"]
	contains(result.message, "node_to_node_encryption.enabled is false")
}
