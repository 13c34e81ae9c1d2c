# ENC-AZVM-001: virtual machines and scale sets encrypt at the host (temporary disks, disk caches).
package iacgate.rules.encryption.azrest_vm_host_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

# ARM: properties.securityProfile.encryptionAtHost (scale sets under virtualMachineProfile).
arm_paths := {
	"microsoft.compute/virtualmachines": ["properties", "securityProfile", "encryptionAtHost"],
	"microsoft.compute/virtualmachinescalesets": ["properties", "virtualMachineProfile", "securityProfile", "encryptionAtHost"],
}

deny contains {"not_applicable": true} if azapi.not_concerned(object.keys(arm_paths))

deny contains azapi.type_undetermined if azapi.type_unknown

# A flexible (orchestrated) scale set without sku_name has no virtual machine profile: azurerm leaves the
# profile, and encryption_at_host_enabled with it, out of the request, and the VMs added to the set are
# azurerm_linux_virtual_machine / azurerm_windows_virtual_machine resources judged on their own. ARM alike:
# a Microsoft.Compute/virtualMachineScaleSets body without properties.virtualMachineProfile.
deny contains {"not_applicable": true} if {
	lib.resource.type == "azurerm_orchestrated_virtual_machine_scale_set"
	not lib.is_set(lib.attr("sku_name"))
}

deny contains {"not_applicable": true} if {
	azapi.of_type({"microsoft.compute/virtualmachinescalesets"})
	not lib.is_set(azapi.arm_value(["properties", "virtualMachineProfile"]))
}

# encryption_at_host_enabled defaults to false.
deny contains lib.violation(["encryption_at_host_enabled"], msg) if {
	not azapi.is_azapi
	value := lib.attr("encryption_at_host_enabled")
	not lib.is_true(value)
	msg := concat("", ["virtual machine does not encrypt temporary disks and disk caches at the host: encryption_at_host_enabled is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(arm_path), msg) if {
	arm_path := arm_paths[azapi.arm_type]
	value := azapi.arm_value(arm_path)
	not lib.is_true(value)
	msg := concat("", ["virtual machine does not encrypt temporary disks and disk caches at the host: body.", concat(".", arm_path), " is ", lib.show(value), ", required true"])
}
