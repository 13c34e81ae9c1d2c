# ENC-AZDISK-001: Azure managed disks encrypt with a customer-managed key through a disk encryption set.
package iacgate.rules.encryption.azure_disk_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# Confidential VM disks name their set in secure_vm_disk_encryption_set_id.
encryption_set if {
	some name in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	lib.is_set(lib.attr(name))
}

# Azure Disk Encryption (encryption_settings) encrypts inside the guest with a key kept in the customer's
# Key Vault (a disk_encryption_key secret, optionally wrapped by a key_encryption_key): customer-controlled.
# azurerm 3's encryption_settings.enabled = false turns it off.
disk_encryption if {
	settings := azapi.first_of(lib.attr_blocks("encryption_settings"))
	not lib.is_false(object.get(settings, "enabled", null))
	key := azapi.first_of(lib.blocks(object.get(settings, "disk_encryption_key", null)))
	lib.is_set(object.get(key, "secret_url", null))
}

# An encryption_settings block unknown until apply (a dynamic block over a variable) may turn Azure Disk
# Encryption on: the finding points at it, which makes it undetermined.
finding_path := ["encryption_settings"] if {
	lib.is_unknown(lib.attr("encryption_settings"))
} else := []

deny contains lib.violation(finding_path, msg) if {
	not azapi.is_azapi
	not azure.native
	not encryption_set
	not disk_encryption
	msg := "managed disk encrypts with a platform-managed key: disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"
}

# azapi_resource of type Microsoft.Compute/disks: properties.encryption.diskEncryptionSetId (type
# EncryptionAtRestWithCustomerKey or ...PlatformAndCustomerKeys), a confidential disk's
# securityProfile.secureVMDiskEncryptionSetId, or Azure Disk Encryption (encryptionSettingsCollection).
arm_type := "microsoft.compute/disks"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

arm_customer_key if {
	some path in [
		["properties", "encryption", "diskEncryptionSetId"],
		["properties", "securityProfile", "secureVMDiskEncryptionSetId"],
	]
	not azapi.unknown_above(path)
	lib.is_set(azapi.arm_value(path))
}

arm_customer_key if lib.is_true(azapi.arm_value(["properties", "encryptionSettingsCollection", "enabled"]))

deny contains lib.violation(azapi.body_path(["properties", "encryption", "diskEncryptionSetId"]), msg) if {
	azapi.of_type({arm_type})
	not arm_customer_key
	msg := "managed disk encrypts with a platform-managed key: body.properties.encryption.diskEncryptionSetId is not set, required a disk encryption set with a customer-managed key"
}

# Pulumi azure-native Disk: the ARM shape, encryption.disk_encryption_set_id, a confidential disk's
# security_profile.secure_vm_disk_encryption_set_id, or Azure Disk Encryption
# (encryption_settings_collection.enabled). A setting unknown until the update is undetermined.
native_paths := [
	["encryption", "disk_encryption_set_id"],
	["security_profile", "secure_vm_disk_encryption_set_id"],
]

native_customer_key if {
	some path in native_paths
	not azure.native_unknown_above(path)
	lib.is_set(azure.native_value(path))
}

native_customer_key if lib.is_true(azure.native_value(["encryption_settings_collection", "enabled"]))

# Where the finding points: at a value unknown until the update when there is one, which makes it undetermined.
native_unknown_paths := [path |
	some path in array.concat(native_paths, [["encryption_settings_collection", "enabled"]])
	lib.is_unknown(azure.native_value(path))
]

native_finding_path := native_unknown_paths[0] if {
	count(native_unknown_paths) > 0
} else := native_paths[0]

deny contains lib.violation(native_finding_path, msg) if {
	azure.native
	not native_customer_key
	msg := "managed disk encrypts with a platform-managed key: encryption.disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"
}
