# ENC-AZAPPCONF-001: App Configuration stores encrypt with a customer-managed key.
package iacgate.rules.encryption.azrest_app_configuration_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.appconfiguration/configurationstores"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

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
