# ENC-AZKV-001: Key Vault keys expire (an expiration date, or a rotation policy that sets one).
package iacgate.rules.encryption.azure_key_vault_key_expiry

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

expires if lib.is_set(lib.attr("expiration_date"))

# A rotation policy's expire_after sets the expiry of every version it creates.
expires if lib.is_set(azure.block_attr("rotation_policy", "expire_after"))

hsm_key := "azurerm_key_vault_managed_hardware_security_module_key"

deny contains lib.violation([], msg) if {
	not azapi.is_azapi
	not azure.native
	lib.resource.type != hsm_key
	not expires
	not lib.is_unknown(lib.attr("rotation_policy"))
	msg := "Key Vault key never expires: expiration_date is not set and no rotation_policy sets expire_after, required an expiry"
}

# Pulumi azure-native Key: properties.attributes.exp (the key's expiry, in seconds since the epoch) or a
# properties.rotation_policy whose attributes.expiry_time gives every new version an expiry.
native_expiry_paths := [
	["properties", "attributes", "exp"],
	["properties", "rotation_policy", "attributes", "expiry_time"],
]

native_expires if {
	some path in native_expiry_paths
	not azure.native_unknown_above(path)
	lib.is_set(azure.native_value(path))
}

# Where the finding points: at an object unknown until the update when there is one (undetermined).
native_unknown_paths := [path |
	some path in native_expiry_paths
	azure.native_unknown_above(path)
]

native_finding_path := native_unknown_paths[0] if {
	count(native_unknown_paths) > 0
} else := ["properties", "attributes", "exp"]

deny contains lib.violation(native_finding_path, msg) if {
	azure.native
	not native_expires
	msg := "Key Vault key never expires: properties.attributes.exp is not set and no properties.rotation_policy sets attributes.expiry_time, required an expiry"
}

# A rotation_policy unknown until apply (a dynamic block over a variable) may set expire_after: undetermined.
deny contains lib.violation(["rotation_policy"], msg) if {
	not azapi.is_azapi
	not azure.native
	lib.resource.type != hsm_key
	not expires
	lib.is_unknown(lib.attr("rotation_policy"))
	msg := "Key Vault key expiry cannot be told: expiration_date is not set and rotation_policy is unknown until apply, required an expiry"
}

# A Managed HSM key (azurerm_key_vault_managed_hardware_security_module_key) takes its rotation policy from a
# separate azurerm_key_vault_managed_hardware_security_module_key_rotation_policy that names it.
hsm_policies := lib.referrers_via("azurerm_key_vault_managed_hardware_security_module_key_rotation_policy", "managed_hsm_key_id")

hsm_policy_expires if {
	some policy in hsm_policies
	lib.is_set(object.get(policy.attributes, "expire_after", null))
}

deny contains lib.violation(["expiration_date"], msg) if {
	lib.resource.type == hsm_key
	not expires
	not hsm_policy_expires
	msg := "Managed HSM key never expires: expiration_date is not set and no azurerm_key_vault_managed_hardware_security_module_key_rotation_policy refers to it with expire_after, required an expiry"
}

# azapi_resource of type Microsoft.KeyVault/vaults/keys or managedHSMs/keys: properties.attributes.exp (the
# key's expiry, seconds since the epoch) or properties.rotationPolicy.attributes.expiryTime (the expiry of
# every new version), as on Pulumi azure-native. Other ARM types are not applicable.
arm_types := {"microsoft.keyvault/vaults/keys", "microsoft.keyvault/managedhsms/keys"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

arm_expiry_paths := [
	["properties", "attributes", "exp"],
	["properties", "rotationPolicy", "attributes", "expiryTime"],
]

arm_expires if {
	some path in arm_expiry_paths
	not azapi.unknown_above(path)
	lib.is_set(azapi.arm_value(path))
}

# Where the finding points: at an object unknown until apply when there is one (undetermined).
arm_unknown_paths := [path |
	some path in arm_expiry_paths
	azapi.unknown_above(path)
]

arm_finding_path := arm_unknown_paths[0] if {
	count(arm_unknown_paths) > 0
} else := arm_expiry_paths[0]

deny contains lib.violation(azapi.body_path(arm_finding_path), msg) if {
	azapi.of_type(arm_types)
	not arm_expires
	msg := "Key Vault key never expires: body.properties.attributes.exp is not set and no body.properties.rotationPolicy sets attributes.expiryTime, required an expiry"
}
