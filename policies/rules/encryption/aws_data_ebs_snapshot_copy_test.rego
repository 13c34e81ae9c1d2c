package iacgate.rules.encryption.aws_data_ebs_snapshot_copy_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ebs_snapshot_copy as rule
import rego.v1

test_snapshot_copy_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_ebs_snapshot_copy", {"encrypted": true})
		with input.related as []
}

test_snapshot_copy_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_ebs_snapshot_copy", {"encrypted": false})
		with input.related as []
	result.path == ["encrypted"]
	contains(result.message, "encrypted is false, required true")
}

test_snapshot_copy_not_set_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_ebs_snapshot_copy", {"source_snapshot_id": "snap-1"})
		with input.related as []
	contains(result.message, "encrypted is not set")
}
