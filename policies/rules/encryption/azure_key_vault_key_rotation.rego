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

# A rotation_policy, or its automatic block, unknown until apply (a dynamic block over a variable) is
# pointed at, which makes the finding undetermined.
missing_path := ["rotation_policy"] if {
	lib.is_unknown(lib.attr("rotation_policy"))
} else := ["rotation_policy", 0, "automatic"] if {
	lib.is_unknown(automatic)
	is_array(lib.attr("rotation_policy"))
} else := ["rotation_policy", "automatic"] if {
	lib.is_unknown(automatic)
} else := ["rotation_policy"] if {
	count(lib.attr_blocks("rotation_policy")) > 0
} else := []

hsm_key := "azurerm_key_vault_managed_hardware_security_module_key"

deny contains lib.violation(missing_path, msg) if {
	not azure.native
	lib.resource.type != hsm_key
	not rotates
	msg := "Key Vault key does not rotate automatically: rotation_policy.automatic is not set, required an automatic block with time_after_creation or time_before_expiry"
}

# Pulumi azure-native Key: properties.rotation_policy.lifetime_actions holds an action of type Rotate (any
# case) whose trigger sets time_after_create or time_before_expiry; an action of type Notify only notifies.
native_actions_path := ["properties", "rotation_policy", "lifetime_actions"]

native_actions := azure.native_value(native_actions_path)

native_rotates if {
	is_array(native_actions)
	some action in native_actions
	lower(lib.show(object.get(action, ["action", "type"], null))) == "rotate"
	some key in ["time_after_create", "time_before_expiry"]
	lib.is_set(object.get(action, ["trigger", key], null))
}

# An action list, or an action's type, unknown until the update: undetermined.
native_uncertain if lib.is_unknown(native_actions)

native_uncertain if {
	is_array(native_actions)
	some action in native_actions
	lib.is_unknown(object.get(action, ["action", "type"], null))
}

deny contains lib.violation(native_actions_path, msg) if {
	azure.native
	not native_rotates
	not native_uncertain
	msg := "Key Vault key does not rotate automatically: properties.rotation_policy.lifetime_actions has no action of type Rotate, required one with a trigger time_after_create or time_before_expiry"
}

deny contains lib.undetermined(native_actions_path, msg) if {
	azure.native
	not native_rotates
	native_uncertain
	msg := "Key Vault key rotation cannot be told: properties.rotation_policy.lifetime_actions is unknown until apply, required an action of type Rotate"
}

# A Managed HSM key rotates through a separate azurerm_key_vault_managed_hardware_security_module_key_rotation_policy
# that names it and sets time_after_creation or time_before_expiry.
hsm_rotates if {
	some policy in lib.referrers_via("azurerm_key_vault_managed_hardware_security_module_key_rotation_policy", "managed_hsm_key_id")
	some key in ["time_after_creation", "time_before_expiry"]
	lib.is_set(object.get(policy.attributes, key, null))
}

deny contains lib.violation([], msg) if {
	lib.resource.type == hsm_key
	not hsm_rotates
	msg := "Managed HSM key does not rotate automatically: no azurerm_key_vault_managed_hardware_security_module_key_rotation_policy refers to it with time_after_creation or time_before_expiry, required automatic rotation"
}
