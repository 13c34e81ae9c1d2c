package iacgate.rules.encryption.aws_data_neptune_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_neptune_encryption as rule
import rego.v1

test_neptune_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_neptune_cluster", {"storage_encrypted": "true"})
		with input.related as []
}

test_neptune_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_neptune_cluster", {"storage_encrypted": false})
		with input.related as []
	result.path == ["storage_encrypted"]
	contains(result.message, "storage_encrypted is false")
}

test_neptune_default_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_neptune_cluster", {})
		with input.related as []
	contains(result.message, "storage_encrypted is not set")
}
