package iacgate.rules.encryption.aws_data_ebs_default_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ebs_default_encryption as rule
import rego.v1

test_ebs_default_enabled_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_ebs_encryption_by_default", {"enabled": true})
		with input.related as []
}

test_ebs_default_left_out_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_ebs_encryption_by_default", {})
		with input.related as []
}

test_ebs_default_disabled_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_ebs_encryption_by_default", {"enabled": false})
		with input.related as []
	result.path == ["enabled"]
	contains(result.message, "enabled is false, required true")
}
