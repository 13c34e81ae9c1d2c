# ENC-AZEH-002: Event Hubs namespaces encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_eventhub_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.eventhub/namespaces"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# The key is set by an azurerm_eventhub_namespace_customer_managed_key that names the namespace. Only the
# Premium and Dedicated tiers accept one; the message says so for the others.
tier_clause := "" if {
	lower(lib.show(lib.attr("sku"))) == "premium"
} else := "" if {
	lib.is_set(lib.attr("dedicated_cluster_id"))
} else := concat("", [" (sku is ", lib.attr_text("sku"), "; only Premium or a dedicated cluster accepts a customer-managed key)"])

deny contains lib.violation([], msg) if {
	not azapi.is_azapi
	count(lib.referrers_via("azurerm_eventhub_namespace_customer_managed_key", "eventhub_namespace_id")) == 0
	msg := concat("", ["Event Hubs namespace encrypts with a Microsoft-managed key: no customer-managed key is configured", lib.only_in(["terraform", "terraform-plan", "pulumi"], " (no azurerm_eventhub_namespace_customer_managed_key refers to it)"), ", required a Key Vault key", tier_clause])
}

arm_key_source := azapi.arm_value(["properties", "encryption", "keySource"])

deny contains lib.violation(azapi.body_path(["properties", "encryption", "keySource"]), msg) if {
	azapi.of_type({arm_type})
	not lower(lib.show(arm_key_source)) == "microsoft.keyvault"
	msg := concat("", ["Event Hubs namespace encrypts with a Microsoft-managed key: body.properties.encryption.keySource is ", lib.show(arm_key_source), ", required Microsoft.KeyVault with a Key Vault key"])
}
