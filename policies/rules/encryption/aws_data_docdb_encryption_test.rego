package iacgate.rules.encryption.aws_data_docdb_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_docdb_encryption as rule
import rego.v1

test_docdb_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_docdb_cluster", {"storage_encrypted": true})
		with input.related as []
}

test_docdb_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_docdb_cluster", {"storage_encrypted": false})
		with input.related as []
	result.path == ["storage_encrypted"]
	contains(result.message, "storage_encrypted is false, required true")
}

test_docdb_default_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_docdb_cluster", {})
		with input.related as []
	contains(result.message, "storage_encrypted is not set")
}
