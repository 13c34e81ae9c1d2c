# ENC-AZKUSTO-003: Data Explorer (Kusto) clusters encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_kusto_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.kusto/clusters"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# The key is set by an azurerm_kusto_cluster_customer_managed_key that names the cluster.
deny contains lib.violation([], msg) if {
	not azapi.is_azapi
	count(lib.referrers_via("azurerm_kusto_cluster_customer_managed_key", "cluster_id")) == 0
	msg := concat("", ["Data Explorer cluster encrypts with a Microsoft-managed key: no customer-managed key is configured", lib.only_in(["terraform", "terraform-plan", "pulumi"], " (no azurerm_kusto_cluster_customer_managed_key refers to it)"), ", required a Key Vault key"])
}

# ARM: properties.keyVaultProperties.keyName (with keyVaultUri).
deny contains lib.violation(azapi.body_path(["properties", "keyVaultProperties", "keyName"]), msg) if {
	azapi.of_type({arm_type})
	not lib.is_set(azapi.arm_value(["properties", "keyVaultProperties", "keyName"]))
	msg := "Data Explorer cluster encrypts with a Microsoft-managed key: body.properties.keyVaultProperties.keyName is not set, required a Key Vault key"
}

# The body, or an object on the way to properties.keyVaultProperties.keyName, is unknown until apply: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "keyVaultProperties", "keyName"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_above(["properties", "keyVaultProperties", "keyName"])
	msg := "Data Explorer cluster encryption key cannot be read: body.properties.keyVaultProperties.keyName is in a value unknown until apply, required a Key Vault key"
}
