package iacgate.rules.encryption.azure_key_vault_key_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_key_vault_key_expiry
import data.iacgate.rules.encryption.azure_key_vault_key_rotation
import rego.v1

key(attributes) := testing.resource("azurerm_key_vault_key", attributes)

rotating := {"rotation_policy": [{"expire_after": "P90D", "automatic": [{"time_before_expiry": "P30D"}]}]}

test_key_without_expiry_fails if {
	count(azure_key_vault_key_expiry.deny) == 1 with input.resource as key({}) with input.related as []
}

test_key_with_expiration_date_passes if {
	count(azure_key_vault_key_expiry.deny) == 0 with input.resource as key({"expiration_date": "2027-01-01T00:00:00Z"})
		with input.related as []
}

test_key_with_policy_expiry_passes if {
	count(azure_key_vault_key_expiry.deny) == 0 with input.resource as key(rotating) with input.related as []
}

test_key_rotation_passes if {
	count(azure_key_vault_key_rotation.deny) == 0 with input.resource as key(rotating) with input.related as []
}

test_key_without_policy_fails if {
	some result in azure_key_vault_key_rotation.deny with input.resource as key({}) with input.related as []
	result.path == []
}

test_key_policy_without_automatic_fails if {
	some result in azure_key_vault_key_rotation.deny with input.resource as key({"rotation_policy": [{"expire_after": "P90D"}]})
		with input.related as []
	result.path == ["rotation_policy"]
}

test_key_rotation_policy_unknown_is_undetermined_for_expiry if {
	some result in azure_key_vault_key_expiry.deny with input.resource as key({"rotation_policy": testing.unknown})
		with input.related as []
	result.path == ["rotation_policy"]
}

test_key_rotation_policy_unknown_is_undetermined_for_rotation if {
	some result in azure_key_vault_key_rotation.deny with input.resource as key({"rotation_policy": testing.unknown})
		with input.related as []
	result.path == ["rotation_policy"]
}

test_key_automatic_block_unknown_is_undetermined if {
	some result in azure_key_vault_key_rotation.deny with input.resource as key({"rotation_policy": [{"expire_after": "P90D", "automatic": testing.unknown}]})
		with input.related as []
	result.path == ["rotation_policy", 0, "automatic"]
}

arm_key(body) := testing.resource("azapi_resource", {"type": "Microsoft.KeyVault/vaults/keys@2023-07-01", "name": "storage", "body": body})

arm_rotating := {"properties": {"kty": "RSA", "rotationPolicy": {"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [{"action": {"type": "rotate"}, "trigger": {"timeBeforeExpiry": "P30D"}}]}}}

test_azapi_key_without_expiry_fails if {
	some result in azure_key_vault_key_expiry.deny with input.resource as arm_key({"properties": {"kty": "RSA"}}) with input.related as []
	result.path == ["body", "properties", "attributes", "exp"]
}

test_azapi_key_rotating_passes_both if {
	count(azure_key_vault_key_expiry.deny) == 0 with input.resource as arm_key(arm_rotating) with input.related as []
	count(azure_key_vault_key_rotation.deny) == 0 with input.resource as arm_key(arm_rotating) with input.related as []
}

test_azapi_key_notify_only_fails_rotation if {
	some result in azure_key_vault_key_rotation.deny with input.resource as arm_key("{\"properties\":{\"rotationPolicy\":{\"lifetimeActions\":[{\"action\":{\"type\":\"Notify\"},\"trigger\":{\"timeBeforeExpiry\":\"P30D\"}}]}}}")
		with input.related as []
	result.path == ["body", "properties", "rotationPolicy", "lifetimeActions"]
}

test_azapi_key_other_type_not_applicable if {
	{"not_applicable": true} in azure_key_vault_key_rotation.deny with input.resource as testing.resource("azapi_resource", {"type": "Microsoft.KeyVault/vaults@2023-07-01", "body": {}})
		with input.related as []
}
