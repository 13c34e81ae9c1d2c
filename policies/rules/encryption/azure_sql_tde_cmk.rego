# ENC-AZSQL-003: Azure SQL servers and managed instances protect transparent data encryption with a
# customer-managed key.
package iacgate.rules.encryption.azure_sql_tde_cmk

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# The TDE protector is set on the server (transparent_data_encryption_key_vault_key_id) ...
customer_key if lib.is_set(lib.attr("transparent_data_encryption_key_vault_key_id"))

# ... or by an azurerm_mssql_server_transparent_data_encryption that names the server.
customer_key if {
	some protector in lib.referrers_via("azurerm_mssql_server_transparent_data_encryption", "server_id")
	some key in ["key_vault_key_id", "managed_hsm_key_id"]
	lib.is_set(object.get(protector.attributes, key, null))
}

managed_instance := "azurerm_mssql_managed_instance"

# A SQL managed instance has no key argument of its own: its TDE protector is a customer-managed key only
# when an azurerm_mssql_managed_instance_transparent_data_encryption names it with key_vault_key_id or
# managed_hsm_key_id (without either, that resource sets the service-managed key, the default).
instance_key if {
	some protector in lib.referrers_via("azurerm_mssql_managed_instance_transparent_data_encryption", "managed_instance_id")
	some key in ["key_vault_key_id", "managed_hsm_key_id"]
	lib.is_set(object.get(protector.attributes, key, null))
}

deny contains lib.violation([], msg) if {
	lib.resource.type == managed_instance
	not instance_key
	msg := "SQL managed instance encrypts its databases under a service-managed key: no azurerm_mssql_managed_instance_transparent_data_encryption with key_vault_key_id or managed_hsm_key_id refers to it, required a customer-managed Key Vault or Managed HSM key"
}

deny contains lib.violation([], msg) if {
	lib.resource.type != managed_instance
	not azure.native
	not customer_key
	msg := "SQL server encrypts its databases under a service-managed key: transparent_data_encryption_key_vault_key_id is not set and no azurerm_mssql_server_transparent_data_encryption with a key refers to it, required a customer-managed Key Vault or Managed HSM key"
}

# Pulumi azure-native Server: key_id, the customer-managed key URI of its TDE protector, or an
# EncryptionProtector (mapped to azurerm_mssql_server_transparent_data_encryption) naming the server
# (server_name) with server_key_type AzureKeyVault.
native_protector if {
	some protector in lib.referrers_via("azurerm_mssql_server_transparent_data_encryption", "server_name")
	lower(lib.show(object.get(protector.attributes, "server_key_type", null))) == "azurekeyvault"
}

# A protector whose key type is unknown until the update: undetermined.
native_protector_unknown if {
	some protector in lib.referrers_via("azurerm_mssql_server_transparent_data_encryption", "server_name")
	lib.is_unknown(object.get(protector.attributes, "server_key_type", null))
}

deny contains result if {
	azure.native
	not lib.is_set(lib.attr("key_id"))
	not native_protector
	msg := "SQL server encrypts its databases under a service-managed key: key_id is not set and no azurerm_mssql_server_transparent_data_encryption with server_key_type AzureKeyVault names it, required a customer-managed Key Vault key"
	result := native_result(msg)
}

native_result(msg) := lib.undetermined(["key_id"], msg) if {
	native_protector_unknown
} else := lib.violation(["key_id"], msg)
