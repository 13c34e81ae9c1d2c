# ENC-AZKV-001: Key Vault keys expire (an expiration date, or a rotation policy that sets one).
package iacgate.rules.encryption.azure_key_vault_key_expiry

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

expires if lib.is_set(lib.attr("expiration_date"))

# A rotation policy's expire_after sets the expiry of every version it creates.
expires if lib.is_set(azure.block_attr("rotation_policy", "expire_after"))

deny contains lib.violation([], msg) if {
	not expires
	msg := "Key Vault key never expires: expiration_date is not set and no rotation_policy sets expire_after, required an expiry"
}
