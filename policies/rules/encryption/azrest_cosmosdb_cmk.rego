# ENC-AZCOSMOS-001: Cosmos DB accounts encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_cosmosdb_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.documentdb/databaseaccounts"})

deny contains azapi.type_undetermined if azapi.type_unknown

# key_vault_key_id, or (azurerm 4) managed_hsm_key_id for a key in a Managed HSM.
deny contains lib.violation(["key_vault_key_id"], msg) if {
	not azapi.is_azapi
	not azure.native
	not lib.is_set(lib.attr("key_vault_key_id"))
	not lib.is_set(lib.attr("managed_hsm_key_id"))
	msg := "Cosmos DB account encrypts with a service-managed key: key_vault_key_id and managed_hsm_key_id are not set, required a Key Vault or Managed HSM key"
}

deny contains lib.violation(azapi.body_path(["properties", "keyVaultKeyUri"]), msg) if {
	azapi.of_type({"microsoft.documentdb/databaseaccounts"})
	not lib.is_set(azapi.arm_value(["properties", "keyVaultKeyUri"]))
	msg := "Cosmos DB account encrypts with a service-managed key: body.properties.keyVaultKeyUri is not set, required a Key Vault key"
}

# The body, or an object on the way to properties.keyVaultKeyUri, is unknown until apply: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "keyVaultKeyUri"]), msg) if {
	azapi.of_type({"microsoft.documentdb/databaseaccounts"})
	azapi.unknown_above(["properties", "keyVaultKeyUri"])
	msg := "Cosmos DB account encryption key cannot be read: body.properties.keyVaultKeyUri is in a value unknown until apply, required a Key Vault key"
}

# Pulumi azure-native DatabaseAccount: the ARM name, key_vault_key_uri.
deny contains lib.violation(["key_vault_key_uri"], msg) if {
	azure.native
	not lib.is_set(lib.attr("key_vault_key_uri"))
	msg := "Cosmos DB account encrypts with a service-managed key: key_vault_key_uri is not set, required a Key Vault key"
}
