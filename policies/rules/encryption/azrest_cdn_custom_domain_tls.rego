# ENC-AZCDN-002: CDN and Front Door custom domains require TLS 1.2.
package iacgate.rules.encryption.azrest_cdn_custom_domain_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

arm_type := "microsoft.cdn/profiles/customdomains"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# tls_version of cdn_managed_https / user_managed_https defaults to TLS12; "None" allows every version.
weak(value) if lower(lib.show(value)) in {"tls10", "none"}

deny contains lib.violation([block, 0, "tls_version"], msg) if {
	lib.resource.type == "azurerm_cdn_endpoint_custom_domain"
	some block in ["cdn_managed_https", "user_managed_https"]
	settings := azapi.first_of(lib.attr_blocks(block))
	value := object.get(settings, "tls_version", null)
	weak(value)
	msg := concat("", ["CDN custom domain accepts TLS older than 1.2: ", block, ".tls_version is ", lib.show(value), ", required TLS12"])
}

# azurerm_cdn_frontdoor_custom_domain: tls.minimum_tls_version defaults to TLS12.
deny contains lib.violation(["tls", 0, "minimum_tls_version"], msg) if {
	lib.resource.type == "azurerm_cdn_frontdoor_custom_domain"
	value := object.get(azapi.first_of(lib.attr_blocks("tls")), "minimum_tls_version", null)
	weak(value)
	msg := concat("", ["Front Door custom domain accepts TLS older than 1.2: tls.minimum_tls_version is ", lib.show(value), ", required TLS12"])
}

deny contains lib.violation(azapi.body_path(["properties", "tlsSettings", "minimumTlsVersion"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "tlsSettings", "minimumTlsVersion"])
	weak(value)
	msg := concat("", ["Front Door custom domain accepts TLS older than 1.2: body.properties.tlsSettings.minimumTlsVersion is ", lib.show(value), ", required TLS12"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "tlsSettings", "minimumTlsVersion"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "tlsSettings", "minimumTlsVersion"])
	msg := "Front Door custom domain minimum TLS version is unknown: body.properties.tlsSettings.minimumTlsVersion is unknown until apply, required TLS12"
}

# A block or version unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azure.block_setting_path(block, "tls_version"), msg) if {
	lib.resource.type == "azurerm_cdn_endpoint_custom_domain"
	some block in ["cdn_managed_https", "user_managed_https"]
	lib.is_unknown(azure.block_value(block, "tls_version"))
	msg := concat("", ["CDN custom domain minimum TLS version is unknown: ", block, ".tls_version is unknown until apply, required TLS12"])
}

deny contains lib.violation(azure.block_setting_path("tls", "minimum_tls_version"), msg) if {
	lib.resource.type == "azurerm_cdn_frontdoor_custom_domain"
	lib.is_unknown(azure.block_value("tls", "minimum_tls_version"))
	msg := "Front Door custom domain minimum TLS version is unknown: tls.minimum_tls_version is unknown until apply, required TLS12"
}
