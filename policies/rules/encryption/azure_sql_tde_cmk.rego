# ENC-AZSQL-003: Azure SQL servers and managed instances protect transparent data encryption with a
# customer-managed key.
package iacgate.rules.encryption.azure_sql_tde_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
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
	not azapi.is_azapi
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

# azapi_resource of type Microsoft.Sql/servers or Microsoft.Sql/managedInstances: properties.keyId, the
# customer-managed key URI of the TDE protector, or a child encryptionProtector (an azapi_resource whose
# parent_id names it) with properties.serverKeyType AzureKeyVault; an azurerm protector resource naming the
# server (server_id) or instance (managed_instance_id) counts as well. Other ARM types are not applicable.
arm_types := {"microsoft.sql/servers", "microsoft.sql/managedinstances"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

arm_key_path := ["properties", "keyId"]

arm_protector_types := {"microsoft.sql/servers/encryptionprotector", "microsoft.sql/managedinstances/encryptionprotector"}

# The server key types of the child encryption protectors (lower case, or the unknown marker).
arm_protector_key_types := [key_type |
	some child in lib.referrers_via("azapi_resource", "parent_id")
	declared := object.get(child.attributes, "type", null)
	is_string(declared)
	lower(trim_space(split(declared, "@")[0])) in arm_protector_types
	key_type := arm_key_type(object.get(azapi.body_of(child.attributes), ["properties", "serverKeyType"], null))
]

arm_key_type(value) := value if lib.is_unknown(value) else := lower(lib.show(value))

arm_customer_key if {
	not azapi.unknown_above(arm_key_path)
	lib.is_set(azapi.arm_value(arm_key_path))
}

arm_customer_key if "azurekeyvault" in arm_protector_key_types

arm_customer_key if customer_key

arm_customer_key if instance_key

# A protector whose key type is unknown until apply may name a Key Vault key: undetermined.
arm_protector_unknown if {
	some key_type in arm_protector_key_types
	lib.is_unknown(key_type)
}

deny contains result if {
	azapi.of_type(arm_types)
	not arm_customer_key
	msg := "SQL server encrypts its databases under a service-managed key: body.properties.keyId is not set and no encryptionProtector child with serverKeyType AzureKeyVault names it, required a customer-managed Key Vault key"
	result := arm_result(msg)
}

# The body, or properties, unknown until apply: the finding points at the unknown value (undetermined).
arm_result(msg) := lib.undetermined(azapi.body_path(arm_key_path), msg) if {
	arm_protector_unknown
} else := lib.violation(azapi.body_path(arm_key_path), msg)
