# ENC-AZSLOT-002: App Service and Function App deployment slots require TLS 1.2 or later (site and SCM).
package iacgate.rules.encryption.azrest_app_slot_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

arm_type := "microsoft.web/sites/slots"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

site_config := azapi.first_of(lib.attr_blocks("site_config"))

# Both default to "1.2": only an explicit older version fails (a number after Terraform's conversion too).
# azurerm_app_service_slot and azurerm_function_app_slot call the site setting min_tls_version.
deny contains lib.violation(["site_config", 0, setting], msg) if {
	not azapi.is_azapi
	some setting in ["minimum_tls_version", "min_tls_version", "scm_minimum_tls_version", "scm_min_tls_version"]
	value := object.get(site_config, setting, null)
	azapi.tls_below_1_2(value)
	msg := concat("", ["deployment slot accepts TLS older than 1.2: site_config.", setting, " is ", azapi.as_string(value), ", required 1.2"])
}

deny contains lib.violation(["site_config"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("site_config"))
	msg := "deployment slot minimum TLS version cannot be read: site_config is unknown until apply, required 1.2"
}

deny contains lib.violation(azure.block_setting_path("site_config", setting), msg) if {
	not azapi.is_azapi
	some setting in ["minimum_tls_version", "min_tls_version", "scm_minimum_tls_version", "scm_min_tls_version"]
	lib.is_unknown(object.get(site_config, setting, null))
	msg := concat("", ["deployment slot minimum TLS version is unknown: site_config.", setting, " is unknown until apply, required 1.2"])
}

deny contains lib.violation(azapi.body_path(["properties", "siteConfig", setting]), msg) if {
	azapi.of_type({arm_type})
	some setting in ["minTlsVersion", "scmMinTlsVersion"]
	value := azapi.arm_value(["properties", "siteConfig", setting])
	azapi.tls_below_1_2(value)
	msg := concat("", ["deployment slot accepts TLS older than 1.2: body.properties.siteConfig.", setting, " is ", azapi.as_string(value), ", required 1.2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass (the site's and the SCM
# site's minimum alike).
deny contains lib.violation(azapi.body_path(["properties", "siteConfig", setting]), msg) if {
	azapi.of_type({arm_type})
	some setting in ["minTlsVersion", "scmMinTlsVersion"]
	azapi.unknown_at(["properties", "siteConfig", setting])
	msg := concat("", ["deployment slot minimum TLS version is unknown: body.properties.siteConfig.", setting, " is unknown until apply, required 1.2"])
}
