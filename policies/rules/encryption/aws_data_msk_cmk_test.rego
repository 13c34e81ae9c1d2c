package iacgate.rules.encryption.aws_data_msk_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_msk_cmk as rule
import rego.v1

msk_cfn_resource(attributes) := object.union(testing.resource("aws_msk_cluster", attributes), {"format": "cloudformation"})

test_msk_cmk_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_msk_cluster",
		{"encryption_info": [{"encryption_at_rest_kms_key_arn": testing.unknown}]},
	)
		with input.related as [testing.key_reference("encryption_info")]
}

test_msk_cfn_cmk_passes if {
	count(rule.deny) == 0 with input.resource as msk_cfn_resource({"encryption_info": {"encryption_at_rest": {"data_volume_kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"}}})
		with input.related as []
}

test_msk_default_key_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_msk_cluster", {})
		with input.related as []
	result.path == ["encryption_info"]
	contains(result.message, "is not set, required a customer-managed key")
}

test_msk_cfn_without_key_fails if {
	some result in rule.deny with input.resource as msk_cfn_resource({"encryption_info": {"encryption_in_transit": {"client_broker": "TLS"}}})
		with input.related as []
	result.path == ["encryption_info", "encryption_at_rest"]
}

# A key from a variable without a value may be an AWS-managed key: a finding at the unknown key, which the
# engine reports as undetermined, not a pass.
test_unknown_key_without_a_key_resource_is_not_a_pass if {
	count(rule.deny) > 0 with input.resource as testing.resource("aws_msk_cluster", {"encryption_info": [{"encryption_at_rest_kms_key_arn": testing.unknown}]})
		with input.related as []
}
