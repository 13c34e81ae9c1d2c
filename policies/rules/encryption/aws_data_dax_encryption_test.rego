package iacgate.rules.encryption.aws_data_dax_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_dax_encryption as rule
import rego.v1

dax_cfn_resource(attributes) := object.union(testing.resource("aws_dax_cluster", attributes), {"format": "cloudformation"})

test_dax_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_dax_cluster", {"server_side_encryption": [{"enabled": true}]})
		with input.related as []
}

test_dax_cfn_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as dax_cfn_resource({"server_side_encryption": {"sse_enabled": true}})
		with input.related as []
}

test_dax_disabled_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_dax_cluster", {"server_side_encryption": [{"enabled": false}]})
		with input.related as []
	result.path == ["server_side_encryption", 0, "enabled"]
	contains(result.message, "server_side_encryption.enabled is false, required true")
}

test_dax_missing_block_fails_on_the_resource if {
	some result in rule.deny with input.resource as testing.resource("aws_dax_cluster", {})
		with input.related as []
	result.path == ["server_side_encryption"]
	contains(result.message, "is not set")
}
