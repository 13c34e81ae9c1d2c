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
