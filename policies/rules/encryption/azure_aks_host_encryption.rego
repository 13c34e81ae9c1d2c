# ENC-AZAKS-002: AKS node pools encrypt at the host (temporary disks, caches, OS and data disk flows).
package iacgate.rules.encryption.azure_aks_host_encryption

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# host_encryption_enabled (azurerm 4; enable_host_encryption in 3) defaults to false. A cluster sets it in
# default_node_pool, an azurerm_kubernetes_cluster_node_pool on itself.
setting(pool) := "enable_host_encryption" if {
	not lib.is_set(object.get(pool, "host_encryption_enabled", null))
	lib.is_set(object.get(pool, "enable_host_encryption", null))
} else := "host_encryption_enabled"

deny contains lib.violation(["default_node_pool", 0, name], msg) if {
	lib.resource.type == "azurerm_kubernetes_cluster"
	pool := azure.first_block("default_node_pool")
	name := setting(pool)
	not lib.is_true(object.get(pool, name, null))
	msg := concat("", ["AKS default node pool does not encrypt at the host: default_node_pool.", name, " is ", lib.show(object.get(pool, name, null)), ", required true"])
}

deny contains lib.violation([name], msg) if {
	lib.resource.type == "azurerm_kubernetes_cluster_node_pool"
	name := setting(lib.attrs)
	not lib.is_true(lib.attr(name))
	msg := concat("", ["AKS node pool does not encrypt at the host: ", name, " is ", lib.attr_text(name), ", required true"])
}
