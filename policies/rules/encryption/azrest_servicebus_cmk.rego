# ENC-AZSB-002: Service Bus namespaces encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_servicebus_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.servicebus/namespaces"})

deny contains azapi.type_undetermined if azapi.type_unknown

cmk := object.get(azapi.first_of(lib.attr_blocks("customer_managed_key")), "key_vault_key_id", null)

# Only the Premium tier accepts a customer-managed key; the message says so for the others.
tier_clause := "" if {
	lower(lib.show(lib.attr("sku"))) == "premium"
} else := concat("", [" (sku is ", lib.attr_text("sku"), "; only Premium accepts a customer-managed key)"])

# ... or by an azurerm_servicebus_namespace_customer_managed_key that names the namespace (azurerm 4: the
# way for a namespace with a system-assigned identity).
separate_key if {
	some key in lib.referrers_via("azurerm_servicebus_namespace_customer_managed_key", "namespace_id")
	lib.is_set(object.get(key.attributes, "key_vault_key_id", null))
}

deny contains lib.violation(["customer_managed_key"], msg) if {
	not azapi.is_azapi
	not lib.is_set(cmk)
	not separate_key
	msg := concat("", ["Service Bus namespace encrypts with a Microsoft-managed key: customer_managed_key.key_vault_key_id is not set", lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no azurerm_servicebus_namespace_customer_managed_key refers to it"), ", required a Key Vault key", tier_clause])
}

arm_key_source := azapi.arm_value(["properties", "encryption", "keySource"])

deny contains lib.violation(azapi.body_path(["properties", "encryption", "keySource"]), msg) if {
	azapi.of_type({"microsoft.servicebus/namespaces"})
	not lower(lib.show(arm_key_source)) == "microsoft.keyvault"
	msg := concat("", ["Service Bus namespace encrypts with a Microsoft-managed key: body.properties.encryption.keySource is ", lib.show(arm_key_source), ", required Microsoft.KeyVault with a Key Vault key"])
}
