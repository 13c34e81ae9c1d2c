# ENC-AZBATCH-001: Batch accounts encrypt with a customer-managed key in Key Vault.
package iacgate.rules.encryption.azrest_batch_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.batch/batchaccounts"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

key := object.get(azapi.first_of(lib.attr_blocks("encryption")), "key_vault_key_id", null)

deny contains lib.violation(["encryption"], msg) if {
	not azapi.is_azapi
	not lib.is_set(key)
	msg := "Batch account encrypts with a Microsoft-managed key: encryption.key_vault_key_id is not set, required a Key Vault key"
}

arm_key_source := azapi.arm_value(["properties", "encryption", "keySource"])

deny contains lib.violation(azapi.body_path(["properties", "encryption", "keySource"]), msg) if {
	azapi.of_type({arm_type})
	not lower(lib.show(arm_key_source)) == "microsoft.keyvault"
	msg := concat("", ["Batch account encrypts with a Microsoft-managed key: body.properties.encryption.keySource is ", lib.show(arm_key_source), ", required Microsoft.KeyVault with a Key Vault key"])
}
