# ENC-AZSYNAPSE-001: Synapse workspaces encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_synapse_workspace_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.synapse/workspaces"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

key := object.get(azapi.first_of(lib.attr_blocks("customer_managed_key")), "key_versionless_id", null)

deny contains lib.violation(["customer_managed_key"], msg) if {
	not azapi.is_azapi
	not lib.is_set(key)
	msg := "Synapse workspace encrypts with a Microsoft-managed key only: customer_managed_key.key_versionless_id is not set, required a Key Vault key"
}

arm_key_path := ["properties", "encryption", "cmk", "key", "keyVaultUrl"]

deny contains lib.violation(azapi.body_path(arm_key_path), msg) if {
	azapi.of_type({arm_type})
	not lib.is_set(azapi.arm_value(arm_key_path))
	msg := "Synapse workspace encrypts with a Microsoft-managed key only: body.properties.encryption.cmk.key.keyVaultUrl is not set, required a Key Vault key"
}

# The body, or an object on the way to properties.encryption.cmk.key.keyVaultUrl, is unknown until apply: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(arm_key_path), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_above(arm_key_path)
	msg := "Synapse workspace encryption key cannot be read: body.properties.encryption.cmk.key.keyVaultUrl is in a value unknown until apply, required a Key Vault key"
}
