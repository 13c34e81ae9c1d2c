package iacgate.rules.encryption.gcp_kms_rotation_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_kms_rotation
import rego.v1

kms_key(attributes) := testing.resource("google_kms_crypto_key", attributes)

test_ninety_days_passes if {
	count(gcp_kms_rotation.deny) == 0 with input.resource as kms_key({"rotation_period": "7776000s"}) with input.related as []
}

test_thirty_days_passes if {
	count(gcp_kms_rotation.deny) == 0 with input.resource as kms_key({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "2592000s"})
		with input.related as []
}

test_one_year_fails_at_rotation_period if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({"rotation_period": "31536000s"}) with input.related as []
	result.path == ["rotation_period"]
	contains(result.message, "31536000s")
}

test_no_rotation_fails if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({}) with input.related as []
	result.path == []
}

test_malformed_period_fails if {
	count(gcp_kms_rotation.deny) == 1 with input.resource as kms_key({"rotation_period": "90d"}) with input.related as []
}

test_signing_key_is_exempt if {
	gcp_kms_rotation.deny == {{"not_applicable": true}} with input.resource as kms_key({"purpose": "ASYMMETRIC_SIGN"}) with input.related as []
}

# An unknown period fails at its path, which the engine reports as undetermined: never a pass.
test_unknown_period_fails_at_its_path if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({"rotation_period": testing.unknown}) with input.related as []
	result.path == ["rotation_period"]
}

# An unknown purpose may be ENCRYPT_DECRYPT: a key without rotation is then undetermined at purpose ...
test_unknown_purpose_without_rotation_fails_at_purpose if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({"purpose": testing.unknown, "rotation_period": null}) with input.related as []
	result.path == ["purpose"]
}

# ... and one that rotates within 90 days passes whatever its purpose.
test_unknown_purpose_with_rotation_passes if {
	count(gcp_kms_rotation.deny) == 0 with input.resource as kms_key({"purpose": testing.unknown, "rotation_period": "7776000s"}) with input.related as []
}

test_imported_key_is_exempt if {
	gcp_kms_rotation.deny == {{"not_applicable": true}} with input.resource as kms_key({"import_only": true}) with input.related as []
}

test_external_key_is_exempt if {
	gcp_kms_rotation.deny == {{"not_applicable": true}} with input.resource as kms_key({"version_template": [{"algorithm": "EXTERNAL_SYMMETRIC_ENCRYPTION", "protection_level": "EXTERNAL_VPC"}]})
		with input.related as []
}

test_hsm_key_without_rotation_fails if {
	count(gcp_kms_rotation.deny) == 1 with input.resource as kms_key({"version_template": [{"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protection_level": "HSM"}]})
		with input.related as []
}

# A key that may be imported or external (exempt) is undetermined, not failed, when rotation_period is missing.
test_no_rotation_with_unknown_import_only_is_reported_at_it if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({"import_only": testing.unknown}) with input.related as []
	result.path == ["import_only"]
}

test_no_rotation_with_unknown_protection_level_is_reported_at_it if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({"version_template": [{"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protection_level": testing.unknown}]})
		with input.related as []
	result.path == ["version_template", 0, "protection_level"]
}

test_no_rotation_with_version_template_unknown_as_a_whole_is_reported_at_it if {
	some result in gcp_kms_rotation.deny with input.resource as object.union(kms_key({"version_template": testing.unknown}), {"format": "terraform"})
		with input.related as []
	result.path == ["version_template"]
}

test_no_rotation_with_version_template_a_plan_computes_fails if {
	some result in gcp_kms_rotation.deny with input.resource as kms_key({"version_template": testing.unknown}) with input.related as []
	result.path == []
}
