# ENC-AZVM-002: virtual machine and scale set disks encrypt with a customer-managed key (disk encryption set).
package iacgate.rules.encryption.azrest_vm_disk_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

# Confidential VMs name their set in secure_vm_disk_encryption_set_id.
has_set(disk) if {
	some name in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	lib.is_set(object.get(disk, name, null))
}

# A flexible (orchestrated) scale set without sku_name has no virtual machine profile, hence no disks of its
# own: the VMs added to it are virtual machine resources judged on their own (ARM alike: a
# Microsoft.Compute/virtualMachineScaleSets body without properties.virtualMachineProfile).
deny contains {"not_applicable": true} if {
	lib.resource.type == "azurerm_orchestrated_virtual_machine_scale_set"
	not lib.is_set(lib.attr("sku_name"))
}

deny contains {"not_applicable": true} if {
	azapi.of_type({"microsoft.compute/virtualmachinescalesets"})
	not lib.is_set(azapi.arm_value(["properties", "virtualMachineProfile"]))
}

deny contains lib.violation(path, msg) if {
	not azapi.is_azapi
	disks := lib.attr_blocks("os_disk")
	count(disks) > 0
	not has_set(disks[0])
	path := ["os_disk", 0, "disk_encryption_set_id"]
	msg := "virtual machine OS disk encrypts with a platform-managed key: os_disk.disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"
}

# Scale sets declare their data disks inline; a VM's data disks are azurerm_managed_disk resources (ENC-AZDISK-001).
deny contains lib.violation(["data_disk", index, "disk_encryption_set_id"], msg) if {
	not azapi.is_azapi
	some index, disk in lib.attr_blocks("data_disk")
	not has_set(disk)
	msg := concat("", ["scale set data disk ", format_int(index, 10), " encrypts with a platform-managed key: data_disk.disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"])
}

# ARM: storageProfile.osDisk.managedDisk.diskEncryptionSet.id and each dataDisks[i] alike (a scale set
# under virtualMachineProfile); a disk attached by id (createOption Attach) is judged as its own disk.
profiles := {
	"microsoft.compute/virtualmachines": ["properties", "storageProfile"],
	"microsoft.compute/virtualmachinescalesets": ["properties", "virtualMachineProfile", "storageProfile"],
}

deny contains {"not_applicable": true} if azapi.not_concerned(object.keys(profiles))

deny contains azapi.type_undetermined if azapi.type_unknown

# A disk object of the body names a disk encryption set (confidential VMs: under securityProfile).
arm_disk_set(disk) if {
	is_object(disk)
	some key in [["managedDisk", "diskEncryptionSet", "id"], ["managedDisk", "securityProfile", "diskEncryptionSet", "id"]]
	lib.is_set(object.get(disk, key, null))
}

# Disks attached by id are judged as their own disk resource.
arm_attached(disk) if {
	is_object(disk)
	lower(lib.show(object.get(disk, "createOption", null))) == "attach"
}

deny contains lib.violation(azapi.body_path(array.concat(profile, ["osDisk", "managedDisk", "diskEncryptionSet", "id"])), msg) if {
	profile := profiles[azapi.arm_type]
	disk := azapi.arm_value(array.concat(profile, ["osDisk"]))
	not lib.is_unknown(disk)
	not arm_disk_set(disk)
	not arm_attached(disk)
	msg := concat("", ["virtual machine OS disk encrypts with a platform-managed key: body.", concat(".", profile), ".osDisk.managedDisk.diskEncryptionSet.id is not set, required a disk encryption set with a customer-managed key"])
}

# An OS disk unknown until apply: undetermined (the finding's path runs into the unknown value).
deny contains lib.violation(azapi.body_path(array.concat(profile, ["osDisk"])), msg) if {
	profile := profiles[azapi.arm_type]
	disk := azapi.arm_value(array.concat(profile, ["osDisk"]))
	lib.is_unknown(disk)
	msg := "virtual machine OS disk encryption is unknown until apply, required a disk encryption set with a customer-managed key"
}

deny contains lib.violation(azapi.body_path(array.concat(profile, ["dataDisks", index, "managedDisk", "diskEncryptionSet", "id"])), msg) if {
	profile := profiles[azapi.arm_type]
	disks := azapi.arm_value(array.concat(profile, ["dataDisks"]))
	is_array(disks)
	some index, disk in disks
	not arm_disk_set(disk)
	not arm_attached(disk)
	msg := concat("", ["virtual machine data disk ", format_int(index, 10), " encrypts with a platform-managed key: body.", concat(".", profile), ".dataDisks.managedDisk.diskEncryptionSet.id is not set, required a disk encryption set with a customer-managed key"])
}

# A disk block unknown as a whole until apply (os_disk = var.x, a dynamic data_disk): undetermined.
deny contains lib.violation([name], msg) if {
	not azapi.is_azapi
	some name in ["os_disk", "data_disk"]
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["virtual machine disk encryption cannot be read: ", name, " is unknown until apply, required a disk encryption set with a customer-managed key"])
}

deny contains lib.violation(azapi.body_path(array.concat(profile, ["dataDisks"])), msg) if {
	profile := profiles[azapi.arm_type]
	lib.is_unknown(azapi.arm_value(array.concat(profile, ["dataDisks"])))
	msg := "virtual machine data disk encryption is unknown until apply, required a disk encryption set with a customer-managed key"
}
