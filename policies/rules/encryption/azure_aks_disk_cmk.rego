# ENC-AZAKS-001: AKS clusters encrypt node OS and data disks with a customer-managed key.
package iacgate.rules.encryption.azure_aks_disk_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

deny contains lib.violation([], msg) if {
	not azapi.is_azapi
	not lib.is_set(lib.attr("disk_encryption_set_id"))
	msg := "AKS cluster node disks encrypt with a platform-managed key: disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"
}

# azapi_resource of type microsoft.containerservice/managedclusters: judged by its ARM body (lib.azapi); other ARM types get no check.
arm_types := {"microsoft.containerservice/managedclusters"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

# ARM: properties.diskEncryptionSetID.
deny contains lib.violation(azapi.body_path(["properties", "diskEncryptionSetID"]), msg) if {
	azapi.of_type(arm_types)
	not lib.is_set(azapi.arm_value(["properties", "diskEncryptionSetID"]))
	msg := "AKS cluster node disks encrypt with a platform-managed key: body.properties.diskEncryptionSetID is not set, required a disk encryption set with a customer-managed key"
}

# The body, or an object on the way to properties.diskEncryptionSetID, is unknown until apply: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "diskEncryptionSetID"]), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_above(["properties", "diskEncryptionSetID"])
	msg := "AKS cluster disk encryption key cannot be read: body.properties.diskEncryptionSetID is in a value unknown until apply, required a disk encryption set with a customer-managed key"
}
