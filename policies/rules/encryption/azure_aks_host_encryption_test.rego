package iacgate.rules.encryption.azure_aks_host_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_aks_host_encryption
import rego.v1

cluster(pool) := testing.resource("azurerm_kubernetes_cluster", {"default_node_pool": [pool]})

test_default_pool_without_host_encryption_fails if {
	some result in azure_aks_host_encryption.deny with input.resource as cluster({"name": "system"}) with input.related as []
	result.path == ["default_node_pool", 0, "host_encryption_enabled"]
}

test_default_pool_with_host_encryption_passes if {
	count(azure_aks_host_encryption.deny) == 0 with input.resource as cluster({"name": "system", "host_encryption_enabled": true})
		with input.related as []
}

test_v3_name_passes if {
	count(azure_aks_host_encryption.deny) == 0 with input.resource as cluster({"name": "system", "enable_host_encryption": true})
		with input.related as []
}

test_separate_pool_fails if {
	some result in azure_aks_host_encryption.deny with input.resource as testing.resource("azurerm_kubernetes_cluster_node_pool", {"enable_host_encryption": false})
		with input.related as []
	result.path == ["enable_host_encryption"]
}

test_separate_pool_passes if {
	count(azure_aks_host_encryption.deny) == 0 with input.resource as testing.resource("azurerm_kubernetes_cluster_node_pool", {"host_encryption_enabled": true})
		with input.related as []
}
