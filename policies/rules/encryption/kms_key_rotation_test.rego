package iacgate.rules.encryption.kms_key_rotation_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.kms_key_rotation
import rego.v1

test_rotating_key_passes if {
	count(kms_key_rotation.deny) == 0 with input.resource as testing.resource("aws_kms_key", {"customer_master_key_spec": "SYMMETRIC_DEFAULT", "enable_key_rotation": true})
		with input.related as []
}

test_asymmetric_key_is_not_checked if {
	count(kms_key_rotation.deny) == 0 with input.resource as testing.resource("aws_kms_key", {"customer_master_key_spec": "RSA_2048", "enable_key_rotation": false})
		with input.related as []
}

test_custom_key_store_key_is_not_checked if {
	count(kms_key_rotation.deny) == 0 with input.resource as testing.resource("aws_kms_key", {"custom_key_store_id": "cks-1234567890abcdef0", "enable_key_rotation": false})
		with input.related as []
}

test_key_without_rotation_fails if {
	some result in kms_key_rotation.deny with input.resource as testing.resource("aws_kms_key", {"customer_master_key_spec": "SYMMETRIC_DEFAULT", "enable_key_rotation": false})
		with input.related as []
	result.path == ["enable_key_rotation"]
}

test_key_with_default_spec_and_no_setting_fails if {
	some result in kms_key_rotation.deny with input.resource as testing.resource("aws_kms_key", {"customer_master_key_spec": null})
		with input.related as []
	contains(result.message, "enable_key_rotation is not set")
}

cfn_key(properties) := object.union(testing.resource("aws_kms_key", properties), {"format": "cloudformation", "native_type": "AWS::KMS::Key"})

# CloudFormation Origin EXTERNAL: key material imported by the customer, which AWS cannot rotate
# (EnableKeyRotation would fail the deployment).
test_imported_key_material_is_not_checked if {
	count(kms_key_rotation.deny) == 0 with input.resource as cfn_key({"origin": "EXTERNAL"})
		with input.related as []
}

test_key_generated_by_kms_is_checked if {
	some result in kms_key_rotation.deny with input.resource as cfn_key({"origin": "AWS_KMS"})
		with input.related as []
	result.path == ["enable_key_rotation"]
}

test_unknown_origin_is_reported_at_it if {
	some result in kms_key_rotation.deny with input.resource as cfn_key({"origin": {"__unknown__": "parameter KeyOrigin has no value"}})
		with input.related as []
	result.path == ["origin"]
}
