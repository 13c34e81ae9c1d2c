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

# azapi_resource of type microsoft.web/sites: judged by its ARM body (lib.azapi); other ARM types get no check.
arm_types := {"microsoft.web/sites"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

# ARM: properties.siteConfig.minTlsVersion and scmMinTlsVersion default to 1.2.
deny contains lib.violation(azapi.body_path(["properties", "siteConfig", setting]), msg) if {
	azapi.of_type(arm_types)
	some setting in ["minTlsVersion", "scmMinTlsVersion"]
	value := azapi.arm_value(["properties", "siteConfig", setting])
	azapi.tls_below_1_2(value)
	msg := concat("", ["app accepts TLS older than 1.2: body.properties.siteConfig.", setting, " is ", azapi.as_string(value), ", required 1.2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "siteConfig", "minTlsVersion"]), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(["properties", "siteConfig", "minTlsVersion"])
	msg := "app minimum TLS version is unknown: body.properties.siteConfig.minTlsVersion is unknown until apply, required 1.2"
}

deny contains lib.violation(azapi.body_path(["properties", "siteConfig", "scmMinTlsVersion"]), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(["properties", "siteConfig", "scmMinTlsVersion"])
	msg := "app SCM minimum TLS version is unknown: body.properties.siteConfig.scmMinTlsVersion is unknown until apply, required 1.2"
}
