package iacgate.rules.encryption.aws_data_efs_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_efs_encryption as rule
import rego.v1

test_efs_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_efs_file_system", {"encrypted": true})
		with input.related as []
}

test_efs_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_efs_file_system", {"encrypted": false})
		with input.related as []
	result.path == ["encrypted"]
	contains(result.message, "encrypted is false, required true")
}

test_efs_default_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_efs_file_system", {"creation_token": "x"})
		with input.related as []
	contains(result.message, "encrypted is not set")
}
