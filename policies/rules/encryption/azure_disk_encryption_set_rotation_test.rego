package iacgate.rules.encryption.azure_disk_encryption_set_rotation_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_disk_encryption_set_rotation
import rego.v1

test_missing_fails if {
	some result in azure_disk_encryption_set_rotation.deny with input.resource as testing.resource("azurerm_disk_encryption_set", {})
		with input.related as []
	result.path == ["auto_key_rotation_enabled"]
}

test_enabled_passes if {
	count(azure_disk_encryption_set_rotation.deny) == 0 with input.resource as testing.resource("azurerm_disk_encryption_set", {"auto_key_rotation_enabled": true})
		with input.related as []
}

arm_set(body) := testing.resource("azapi_resource", {"type": "Microsoft.Compute/diskEncryptionSets@2024-03-02", "name": "cmk", "body": body})

test_azapi_default_fails if {
	some result in azure_disk_encryption_set_rotation.deny with input.resource as arm_set({"properties": {"encryptionType": "EncryptionAtRestWithCustomerKey"}})
		with input.related as []
	result.path == ["body", "properties", "rotationToLatestKeyVersionEnabled"]
}

test_azapi_enabled_passes if {
	count(azure_disk_encryption_set_rotation.deny) == 0 with input.resource as arm_set("{\"properties\":{\"rotationToLatestKeyVersionEnabled\":true}}")
		with input.related as []
}

test_azapi_other_type_not_applicable if {
	{"not_applicable": true} in azure_disk_encryption_set_rotation.deny with input.resource as testing.resource("azapi_resource", {"type": "Microsoft.Compute/disks@2024-03-02", "body": {}})
		with input.related as []
}
