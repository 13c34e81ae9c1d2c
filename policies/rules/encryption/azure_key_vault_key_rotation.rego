# ENC-AZKV-002: Key Vault keys rotate automatically.
package iacgate.rules.encryption.azure_key_vault_key_rotation

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

automatic := azure.block_attr("rotation_policy", "automatic")

rotates if {
	some block in lib.blocks(automatic)
	some key in ["time_after_creation", "time_before_expiry"]
	lib.is_set(object.get(block, key, null))
}

missing_path := ["rotation_policy"] if {
	count(lib.attr_blocks("rotation_policy")) > 0
} else := []

deny contains lib.violation(missing_path, msg) if {
	not rotates
	msg := "Key Vault key does not rotate automatically: rotation_policy.automatic is not set, required an automatic block with time_after_creation or time_before_expiry"
}
