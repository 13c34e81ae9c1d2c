# ENC-AZSTORAGE-004: Azure storage accounts encrypt with a customer-managed key.
package iacgate.rules.encryption.azure_storage_cmk

import data.iacgate.lib
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

deny contains lib.violation(lib.missing_block_path("customer_managed_key"), msg) if {
	not inline_key
	not separate_key
	msg := "storage account encrypts with a Microsoft-managed key: no customer_managed_key block and no azurerm_storage_account_customer_managed_key refers to it, required a customer-managed Key Vault or Managed HSM key"
}
