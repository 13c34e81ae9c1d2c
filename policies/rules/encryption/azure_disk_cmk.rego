# ENC-AZDISK-001: Azure managed disks encrypt with a customer-managed key through a disk encryption set.
package iacgate.rules.encryption.azure_disk_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
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

deny contains lib.violation([], msg) if {
	not azapi.is_azapi
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
