# ENC-AZAKS-002: AKS node pools encrypt at the host (temporary disks, caches, OS and data disk flows).
package iacgate.rules.encryption.azure_aks_host_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
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
	not azure.native
	pool := azure.first_block("default_node_pool")
	name := setting(pool)
	not lib.is_true(object.get(pool, name, null))
	msg := concat("", ["AKS default node pool does not encrypt at the host: default_node_pool.", name, " is ", lib.show(object.get(pool, name, null)), ", required true"])
}

deny contains lib.violation([name], msg) if {
	lib.resource.type == "azurerm_kubernetes_cluster_node_pool"
	not azure.native
	name := setting(lib.attrs)
	not lib.is_true(lib.attr(name))
	msg := concat("", ["AKS node pool does not encrypt at the host: ", name, " is ", lib.attr_text(name), ", required true"])
}

# azapi_resource: managedClusters judge each agentPoolProfiles entry, managedClusters/agentPools themselves
# (properties.enableEncryptionAtHost, default false); other ARM types get no check.
arm_cluster := "microsoft.containerservice/managedclusters"

arm_pool := "microsoft.containerservice/managedclusters/agentpools"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_cluster, arm_pool})

deny contains azapi.type_undetermined if azapi.type_unknown

deny contains lib.violation(azapi.body_path(["properties", "agentPoolProfiles", index, "enableEncryptionAtHost"]), msg) if {
	azapi.of_type({arm_cluster})
	pools := azapi.arm_value(["properties", "agentPoolProfiles"])
	is_array(pools)
	some index, pool in pools
	value := object.get(pool, "enableEncryptionAtHost", null)
	not lib.is_true(value)
	msg := concat("", ["AKS node pool ", lib.show(object.get(pool, "name", index)), " does not encrypt at the host: body.properties.agentPoolProfiles.enableEncryptionAtHost is ", lib.show(value), ", required true"])
}

# The pool list (or the body) unknown until apply: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "agentPoolProfiles"]), msg) if {
	azapi.of_type({arm_cluster})
	lib.is_unknown(azapi.arm_value(["properties", "agentPoolProfiles"]))
	msg := "AKS node pools cannot be judged: body.properties.agentPoolProfiles is unknown until apply, required enableEncryptionAtHost true in each"
}

deny contains lib.violation(azapi.body_path(["properties", "enableEncryptionAtHost"]), msg) if {
	azapi.of_type({arm_pool})
	value := azapi.arm_value(["properties", "enableEncryptionAtHost"])
	not lib.is_true(value)
	msg := concat("", ["AKS node pool does not encrypt at the host: body.properties.enableEncryptionAtHost is ", lib.show(value), ", required true"])
}

# Pulumi azure-native ManagedCluster: each agent_pool_profiles entry sets enable_encryption_at_host (the ARM
# name, default false); the list unknown until the update is undetermined.
deny contains lib.violation(["agent_pool_profiles", index, "enable_encryption_at_host"], msg) if {
	azure.native
	lib.resource.type == "azurerm_kubernetes_cluster"
	pools := lib.attr("agent_pool_profiles")
	is_array(pools)
	some index, pool in pools
	value := object.get(pool, "enable_encryption_at_host", null)
	not lib.is_true(value)
	msg := concat("", ["AKS node pool ", lib.show(object.get(pool, "name", index)), " does not encrypt at the host: agent_pool_profiles.enable_encryption_at_host is ", lib.show(value), ", required true"])
}

deny contains lib.violation(["agent_pool_profiles"], msg) if {
	azure.native
	lib.resource.type == "azurerm_kubernetes_cluster"
	not is_array(lib.attr("agent_pool_profiles"))
	msg := concat("", ["AKS cluster names no node pool that encrypts at the host: agent_pool_profiles is ", lib.attr_text("agent_pool_profiles"), ", required enable_encryption_at_host true in each"])
}

# Pulumi azure-native AgentPool (a node pool of its own): enable_encryption_at_host, default false.
deny contains lib.violation(["enable_encryption_at_host"], msg) if {
	azure.native
	lib.resource.type == "azurerm_kubernetes_cluster_node_pool"
	value := lib.attr("enable_encryption_at_host")
	not lib.is_true(value)
	msg := concat("", ["AKS node pool does not encrypt at the host: enable_encryption_at_host is ", lib.show(value), ", required true"])
}
