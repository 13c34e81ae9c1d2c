# ENC-AZAPPCONF-001: App Configuration stores encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_app_configuration_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.appconfiguration/configurationstores"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

key := object.get(azapi.first_of(lib.attr_blocks("encryption")), "key_vault_key_identifier", null)

# The free tier cannot use a customer-managed key; the message says so.
tier_clause := concat("", [" (sku is ", lib.attr_text("sku"), "; the free tier cannot use one)"]) if {
	lower(lib.show(lib.attr("sku"))) == "free"
} else := ""

deny contains lib.violation(["encryption"], msg) if {
	not azapi.is_azapi
	not lib.is_set(key)
	msg := concat("", ["App Configuration store encrypts with a Microsoft-managed key: encryption.key_vault_key_identifier is not set, required a Key Vault key", tier_clause])
}

arm_key_path := ["properties", "encryption", "keyVaultProperties", "keyIdentifier"]

deny contains lib.violation(azapi.body_path(arm_key_path), msg) if {
	azapi.of_type({arm_type})
	not lib.is_set(azapi.arm_value(arm_key_path))
	msg := "App Configuration store encrypts with a Microsoft-managed key: body.properties.encryption.keyVaultProperties.keyIdentifier is not set, required a Key Vault key"
}

# The body, or an object on the way to properties.encryption.keyVaultProperties.keyIdentifier, is unknown until apply: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(arm_key_path), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_above(arm_key_path)
	msg := "App Configuration store encryption key cannot be read: body.properties.encryption.keyVaultProperties.keyIdentifier is in a value unknown until apply, required a Key Vault key"
}
