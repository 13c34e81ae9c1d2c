# ENC-AZDISK-002: disk encryption sets follow the rotation of their Key Vault key automatically.
package iacgate.rules.encryption.azure_disk_encryption_set_rotation

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# auto_key_rotation_enabled defaults to false: a missing value fails.
deny contains lib.violation(["auto_key_rotation_enabled"], msg) if {
	not azapi.is_azapi
	not azure.native
	not lib.is_true(lib.attr("auto_key_rotation_enabled"))
	msg := concat("", ["disk encryption set keeps using the key version it was given: auto_key_rotation_enabled is ", lib.attr_text("auto_key_rotation_enabled"), ", required true"])
}

# Pulumi azure-native DiskEncryptionSet: the ARM name, rotation_to_latest_key_version_enabled (default false).
deny contains lib.violation(["rotation_to_latest_key_version_enabled"], msg) if {
	azure.native
	value := lib.attr("rotation_to_latest_key_version_enabled")
	not lib.is_true(value)
	msg := concat("", ["disk encryption set keeps using the key version it was given: rotation_to_latest_key_version_enabled is ", lib.show(value), ", required true"])
}

# azapi_resource of type Microsoft.Compute/diskEncryptionSets: properties.rotationToLatestKeyVersionEnabled,
# default false. Other ARM types are not applicable.
arm_type := "microsoft.compute/diskencryptionsets"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

arm_path := ["properties", "rotationToLatestKeyVersionEnabled"]

deny contains lib.violation(azapi.body_path(arm_path), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(arm_path)
	not lib.is_true(value)
	msg := concat("", ["disk encryption set keeps using the key version it was given: body.properties.rotationToLatestKeyVersionEnabled is ", lib.show(value), ", required true"])
}
