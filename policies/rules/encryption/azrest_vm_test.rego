package iacgate.rules.encryption.azrest_vm_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azrest_vm_disk_cmk
import data.iacgate.rules.encryption.azrest_vm_host_encryption
import rego.v1

flex(attributes) := testing.resource("azurerm_orchestrated_virtual_machine_scale_set", attributes)

arm_vmss(body) := testing.resource("azapi_resource", {"type": "Microsoft.Compute/virtualMachineScaleSets@2024-07-01", "name": "x", "body": body})

# A flexible scale set without sku_name has no VM profile: its VMs are judged as virtual machines.
test_host_encryption_flex_without_profile_not_applicable if {
	{"not_applicable": true} in azrest_vm_host_encryption.deny with input.resource as flex({"platform_fault_domain_count": 1})
		with input.related as []
}

test_host_encryption_flex_with_profile_fails if {
	some result in azrest_vm_host_encryption.deny with input.resource as flex({"platform_fault_domain_count": 1, "sku_name": "Standard_D4s_v5"})
		with input.related as []
	result.path == ["encryption_at_host_enabled"]
}

test_host_encryption_azapi_flex_without_profile_not_applicable if {
	{"not_applicable": true} in azrest_vm_host_encryption.deny with input.resource as arm_vmss({"properties": {"orchestrationMode": "Flexible"}})
		with input.related as []
}

test_disk_cmk_flex_without_profile_not_applicable if {
	{"not_applicable": true} in azrest_vm_disk_cmk.deny with input.resource as flex({"platform_fault_domain_count": 1})
		with input.related as []
}

test_disk_cmk_azapi_flex_without_profile_not_applicable if {
	{"not_applicable": true} in azrest_vm_disk_cmk.deny with input.resource as arm_vmss({"properties": {"orchestrationMode": "Flexible"}})
		with input.related as []
}
