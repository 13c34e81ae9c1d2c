# ENC-AZKV-002: Key Vault keys rotate automatically.
package iacgate.rules.encryption.azure_key_vault_key_rotation

import data.iacgate.lib
import data.iacgate.lib.azapi
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
	not azapi.is_azapi
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

# azapi_resource of type Microsoft.KeyVault/vaults/keys or managedHSMs/keys: properties.rotationPolicy.lifetimeActions
# holds an action of type Rotate (any case) whose trigger sets timeAfterCreate or timeBeforeExpiry, as on
# Pulumi azure-native. Other ARM types are not applicable.
arm_types := {"microsoft.keyvault/vaults/keys", "microsoft.keyvault/managedhsms/keys"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

arm_actions_path := ["properties", "rotationPolicy", "lifetimeActions"]

arm_actions := azapi.arm_value(arm_actions_path)

arm_rotates if {
	is_array(arm_actions)
	some action in arm_actions
	lower(lib.show(object.get(action, ["action", "type"], null))) == "rotate"
	some key in ["timeAfterCreate", "timeBeforeExpiry"]
	lib.is_set(object.get(action, ["trigger", key], null))
}

arm_uncertain if lib.is_unknown(arm_actions)

arm_uncertain if {
	is_array(arm_actions)
	some action in arm_actions
	lib.is_unknown(object.get(action, ["action", "type"], null))
}

deny contains lib.violation(azapi.body_path(arm_actions_path), msg) if {
	azapi.of_type(arm_types)
	not arm_rotates
	not arm_uncertain
	msg := "Key Vault key does not rotate automatically: body.properties.rotationPolicy.lifetimeActions has no action of type Rotate, required one with a trigger timeAfterCreate or timeBeforeExpiry"
}

deny contains lib.undetermined(azapi.body_path(arm_actions_path), msg) if {
	azapi.of_type(arm_types)
	not arm_rotates
	arm_uncertain
	msg := "Key Vault key rotation cannot be told: body.properties.rotationPolicy.lifetimeActions is unknown until apply, required an action of type Rotate"
}
