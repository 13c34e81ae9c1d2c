# ENC-AZAPP-002: App Service and Function Apps require TLS 1.2 or later (site and SCM endpoints).
package iacgate.rules.encryption.azure_app_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# Both default to "1.2": only an explicit older version fails. azurerm 2/3's azurerm_app_service and
# azurerm_function_app call the site setting min_tls_version.
deny contains lib.violation(["site_config", 0, setting], msg) if {
	not azapi.is_azapi
	some setting in ["minimum_tls_version", "min_tls_version", "scm_minimum_tls_version", "scm_min_tls_version"]
	value := azure.block_attr("site_config", setting)
	azure.weak_tls(value)
	msg := concat("", ["app accepts TLS older than 1.2: site_config.", setting, " is ", lib.show(value), ", required 1.2"])
}

# A value unknown until apply cannot be judged: undetermined, never a pass (site_config = var.x unknown as a
# whole, or one setting unknown).
deny contains lib.violation(["site_config"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("site_config"))
	msg := "app minimum TLS version cannot be read: site_config is unknown until apply, required 1.2"
}

deny contains lib.violation(azure.block_setting_path("site_config", setting), msg) if {
	not azapi.is_azapi
	some setting in ["minimum_tls_version", "min_tls_version", "scm_minimum_tls_version", "scm_min_tls_version"]
	lib.is_unknown(azure.block_attr("site_config", setting))
	msg := concat("", ["app minimum TLS version is unknown: site_config.", setting, " is unknown until apply, required 1.2"])
}

# azapi_resource of type microsoft.web/sites: judged by its ARM body (lib.azapi), and the site's
# configuration as a resource of its own, Microsoft.Web/sites/config named "web", whose properties are the
# site configuration (minTlsVersion and scmMinTlsVersion right under properties). Other ARM types, and
# sites/config of another name (appsettings, logs ...), get no check.
arm_site := "microsoft.web/sites"

arm_config := "microsoft.web/sites/config"

arm_types := {arm_site, arm_config}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains {"not_applicable": true} if {
	azapi.of_type({arm_config})
	not web_config
}

# A sites/config whose name is "web", or unknown until apply (it may be the site configuration).
web_config if lower(lib.show(lib.attr("name"))) == "web"

web_config if lib.is_unknown(lib.attr("name"))

deny contains azapi.type_undetermined if azapi.type_unknown

# Where the site configuration sits in the ARM body.
config_path := ["properties"] if {
	azapi.of_type({arm_config})
} else := ["properties", "siteConfig"]

config_text := concat(".", array.concat(["body"], config_path))

# ARM: minTlsVersion and scmMinTlsVersion default to 1.2.
deny contains lib.violation(azapi.body_path(array.concat(config_path, [setting])), msg) if {
	azapi.of_type(arm_types)
	some setting in ["minTlsVersion", "scmMinTlsVersion"]
	value := azapi.arm_value(array.concat(config_path, [setting]))
	azapi.tls_below_1_2(value)
	msg := concat("", ["app accepts TLS older than 1.2: ", config_text, ".", setting, " is ", azapi.as_string(value), ", required 1.2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(array.concat(config_path, ["minTlsVersion"])), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(array.concat(config_path, ["minTlsVersion"]))
	msg := concat("", ["app minimum TLS version is unknown: ", config_text, ".minTlsVersion is unknown until apply, required 1.2"])
}

deny contains lib.violation(azapi.body_path(array.concat(config_path, ["scmMinTlsVersion"])), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(array.concat(config_path, ["scmMinTlsVersion"]))
	msg := concat("", ["app SCM minimum TLS version is unknown: ", config_text, ".scmMinTlsVersion is unknown until apply, required 1.2"])
}
