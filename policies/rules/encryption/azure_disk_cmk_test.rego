package iacgate.rules.encryption.azure_disk_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_aks_disk_cmk
import data.iacgate.rules.encryption.azure_disk_cmk
import rego.v1

test_disk_without_set_fails if {
	some result in azure_disk_cmk.deny with input.resource as testing.resource("azurerm_managed_disk", {}) with input.related as []
	result.path == []
}

test_disk_with_set_passes if {
	count(azure_disk_cmk.deny) == 0 with input.resource as testing.resource("azurerm_managed_disk", {"disk_encryption_set_id": testing.unknown})
		with input.related as []
}

test_confidential_disk_with_set_passes if {
	count(azure_disk_cmk.deny) == 0 with input.resource as testing.resource("azurerm_managed_disk", {"secure_vm_disk_encryption_set_id": "/subscriptions/x/des"})
		with input.related as []
}

test_aks_without_set_fails if {
	count(azure_aks_disk_cmk.deny) == 1 with input.resource as testing.resource("azurerm_kubernetes_cluster", {}) with input.related as []
}

test_aks_with_set_passes if {
	count(azure_aks_disk_cmk.deny) == 0 with input.resource as testing.resource("azurerm_kubernetes_cluster", {"disk_encryption_set_id": testing.unknown})
		with input.related as []
}
