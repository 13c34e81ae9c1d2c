package iacgate.rules.encryption.aws_data_redshift_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_redshift_cmk as rule
import rego.v1

test_redshift_cmk_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_redshift_cluster",
		{"encrypted": true, "kms_key_id": testing.unknown},
	)
		with input.related as [testing.key_reference("kms_key_id")]
}

test_redshift_default_encryption_with_cmk_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_redshift_cluster", {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"})
		with input.related as []
}

test_redshift_disabled_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_redshift_cluster", {"encrypted": false, "kms_key_id": "k"})
		with input.related as []
	result.path == ["encrypted"]
}

test_redshift_aws_managed_key_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_redshift_cluster",
		{"encrypted": true, "kms_key_id": "alias/aws/redshift"},
	)
		with input.related as []
	result.path == ["kms_key_id"]
	contains(result.message, "kms_key_id is alias/aws/redshift")
}

# A key from a variable without a value may be an AWS-managed key: a finding at the unknown key, which the
# engine reports as undetermined, not a pass.
test_unknown_key_without_a_key_resource_is_not_a_pass if {
	count(rule.deny) > 0 with input.resource as testing.resource("aws_redshift_cluster", {"encrypted": true, "kms_key_id": testing.unknown})
		with input.related as []
}
