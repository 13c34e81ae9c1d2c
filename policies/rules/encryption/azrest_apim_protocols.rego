# ENC-AZAPIM-001: API Management accepts TLS 1.2 or later only, to clients and to backends, without 3DES.
package iacgate.rules.encryption.azrest_apim_protocols

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.apimanagement/service"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# security block settings that switch on an old protocol or cipher, azurerm 4 name -> azurerm 3 name;
# every one defaults to false.
weak_settings := {
	"frontend_ssl30_enabled": "enable_frontend_ssl30",
	"frontend_tls10_enabled": "enable_frontend_tls10",
	"frontend_tls11_enabled": "enable_frontend_tls11",
	"backend_ssl30_enabled": "enable_backend_ssl30",
	"backend_tls10_enabled": "enable_backend_tls10",
	"backend_tls11_enabled": "enable_backend_tls11",
	"triple_des_ciphers_enabled": "enable_triple_des_ciphers",
}

security := azapi.first_of(lib.attr_blocks("security"))

deny contains lib.violation(["security", 0, name], msg) if {
	not azapi.is_azapi
	some current, legacy in weak_settings
	some name in [current, legacy]
	value := object.get(security, name, null)
	lib.is_true(value)
	msg := concat("", ["API Management accepts a deprecated protocol or cipher: security.", name, " is true, required false"])
}

deny contains lib.violation(["security", 0, name], msg) if {
	not azapi.is_azapi
	some current, legacy in weak_settings
	some name in [current, legacy]
	lib.is_unknown(object.get(security, name, null))
	msg := concat("", ["API Management protocol setting is unknown: security.", name, " is unknown until apply, required false"])
}

# ARM: properties.customProperties, "true"/"false" strings keyed by setting name.
arm_prefix := "Microsoft.WindowsAzure.ApiManagement.Gateway.Security."

arm_weak := {
	"Protocols.Ssl30", "Protocols.Tls10", "Protocols.Tls11",
	"Backend.Protocols.Ssl30", "Backend.Protocols.Tls10", "Backend.Protocols.Tls11",
	"Ciphers.TripleDes168",
}

deny contains lib.violation(azapi.body_path(["properties", "customProperties", key]), msg) if {
	azapi.of_type({arm_type})
	some suffix in arm_weak
	key := concat("", [arm_prefix, suffix])
	value := azapi.arm_value(["properties", "customProperties", key])
	lib.is_true(value)
	msg := concat("", ["API Management accepts a deprecated protocol or cipher: body.properties.customProperties[", key, "] is true, required false"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "customProperties"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "customProperties"])
	msg := "API Management protocol settings are unknown: body.properties.customProperties is unknown until apply, required SSL 3.0, TLS 1.0/1.1 and 3DES off"
}

deny contains lib.violation(["security"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("security"))
	msg := "API Management protocol settings cannot be read: security is unknown until apply, required SSL 3.0, TLS 1.0/1.1 and 3DES off"
}

deny contains lib.violation(azapi.body_path(["properties", "customProperties", key]), msg) if {
	azapi.of_type({arm_type})
	some suffix in arm_weak
	key := concat("", [arm_prefix, suffix])
	not azapi.unknown_at(["properties", "customProperties"])
	lib.is_unknown(azapi.arm_value(["properties", "customProperties", key]))
	msg := concat("", ["API Management protocol setting is unknown: body.properties.customProperties[", key, "] is unknown until apply, required false"])
}
