# ENC-AZSLOT-002: App Service and Function App deployment slots require TLS 1.2 or later (site and SCM).
package iacgate.rules.encryption.azrest_app_slot_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

arm_slot := "microsoft.web/sites/slots"

# A slot's configuration as a resource of its own: Microsoft.Web/sites/slots/config named "web", whose
# properties are the slot's site configuration (minTlsVersion right under properties).
arm_config := "microsoft.web/sites/slots/config"

arm_types := {arm_slot, arm_config}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains {"not_applicable": true} if {
	azapi.of_type({arm_config})
	not web_config
}

# A slots/config whose name is "web", or unknown until apply (it may be the site configuration).
web_config if lower(lib.show(lib.attr("name"))) == "web"

web_config if lib.is_unknown(lib.attr("name"))

# Where the site configuration sits in the ARM body.
config_path := ["properties"] if {
	azapi.of_type({arm_config})
} else := ["properties", "siteConfig"]

config_text := concat(".", array.concat(["body"], config_path))

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

deny contains lib.violation(azapi.body_path(array.concat(config_path, [setting])), msg) if {
	azapi.of_type(arm_types)
	some setting in ["minTlsVersion", "scmMinTlsVersion"]
	value := azapi.arm_value(array.concat(config_path, [setting]))
	azapi.tls_below_1_2(value)
	msg := concat("", ["deployment slot accepts TLS older than 1.2: ", config_text, ".", setting, " is ", azapi.as_string(value), ", required 1.2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass (the site's and the SCM
# site's minimum alike).
deny contains lib.violation(azapi.body_path(array.concat(config_path, [setting])), msg) if {
	azapi.of_type(arm_types)
	some setting in ["minTlsVersion", "scmMinTlsVersion"]
	azapi.unknown_at(array.concat(config_path, [setting]))
	msg := concat("", ["deployment slot minimum TLS version is unknown: ", config_text, ".", setting, " is unknown until apply, required 1.2"])
}
