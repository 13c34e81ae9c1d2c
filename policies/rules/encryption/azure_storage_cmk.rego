# ENC-AZSTORAGE-004: Azure storage accounts encrypt with a customer-managed key.
package iacgate.rules.encryption.azure_storage_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# The key is set inline (customer_managed_key block) ...
inline_key if {
	some block in lib.attr_blocks("customer_managed_key")
	some key in ["key_vault_key_id", "managed_hsm_key_id"]
	lib.is_set(object.get(block, key, null))
}

# ... or by an azurerm_storage_account_customer_managed_key that names the account.
separate_key if {
	count(lib.referrers_via("azurerm_storage_account_customer_managed_key", "storage_account_id")) > 0
}

# azapi_resource of type Microsoft.Storage/storageAccounts is judged by its ARM body (lib.azapi).
arm_type := "microsoft.storage/storageaccounts"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

deny contains lib.violation(lib.missing_block_path("customer_managed_key"), msg) if {
	not azapi.is_azapi
	not azure.native
	not inline_key
	not separate_key
	not update_key
	msg := "storage account encrypts with a Microsoft-managed key: no customer_managed_key block and no azurerm_storage_account_customer_managed_key refers to it, required a customer-managed Key Vault or Managed HSM key"
}

# ARM: properties.encryption.keySource Microsoft.Keyvault (with keyvaultproperties) is a customer-managed key.
arm_key_source := azapi.arm_value(["properties", "encryption", "keySource"])

# ... or by an azapi_update_resource that patches the account with a Key Vault key source (the way AzAPI
# modules set the key once the account's identity exists).
update_key if {
	some update in lib.referrers_via("azapi_update_resource", "resource_id")
	update_body := azapi.body_of(update.attributes)
	lower(lib.show(object.get(update_body, ["properties", "encryption", "keySource"], null))) == "microsoft.keyvault"
}

deny contains lib.violation(azapi.body_path(["properties", "encryption", "keySource"]), msg) if {
	azapi.of_type({arm_type})
	not lower(lib.show(arm_key_source)) == "microsoft.keyvault"
	not separate_key
	not update_key
	msg := concat("", ["storage account encrypts with a Microsoft-managed key: body.properties.encryption.keySource is ", lib.show(arm_key_source), ", required Microsoft.Keyvault with a customer-managed key"])
}

# Pulumi azure-native StorageAccount: encryption.key_source Microsoft.Keyvault (with key_vault_properties)
# is a customer-managed key; Microsoft.Storage, the default, is not. An azapi_update_resource may set it too.
native_path := ["encryption", "key_source"]

native_key_source := azure.native_value(native_path)

deny contains lib.violation(native_path, msg) if {
	azure.native
	not lower(lib.show(native_key_source)) == "microsoft.keyvault"
	not update_key
	msg := concat("", ["storage account encrypts with a Microsoft-managed key: encryption.key_source is ", lib.show(native_key_source), ", required Microsoft.Keyvault with a customer-managed key"])
}
