# ENC-AZAPP-003: App Service and Function Apps allow FTPS only, or no FTP at all.
package iacgate.rules.encryption.azure_app_ftps

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

ftps_state := azure.block_attr("site_config", "ftps_state")

# The legacy azurerm_app_service and azurerm_function_app, and azurerm_logic_app_standard, default
# ftps_state to AllAllowed; the linux/windows web and function apps default it to Disabled.
legacy_default_insecure := {"azurerm_app_service", "azurerm_function_app", "azurerm_logic_app_standard"}

deny contains lib.violation(["site_config", 0, "ftps_state"], msg) if {
	not azapi.is_azapi
	ftps_state == "AllAllowed"
	msg := "app accepts plain FTP deployments: site_config.ftps_state is AllAllowed, required FtpsOnly or Disabled"
}

# A value unknown until apply cannot be judged: undetermined, never a pass (site_config = var.x unknown as a
# whole, or ftps_state unknown).
deny contains lib.violation(azure.block_setting_path("site_config", "ftps_state"), msg) if {
	not azapi.is_azapi
	lib.is_unknown(azure.block_value("site_config", "ftps_state"))
	msg := "app FTP setting cannot be read: site_config.ftps_state is unknown until apply, required FtpsOnly or Disabled"
}

# A missing ftps_state points at the site_config block, or at the resource when the block is missing too.
missing_path := ["site_config"] if {
	count(lib.attr_blocks("site_config")) > 0
} else := ["site_config"] if {
	lib.is_unknown(lib.attr("site_config"))
} else := []

deny contains lib.violation(missing_path, msg) if {
	not azapi.is_azapi
	lib.resource.type in legacy_default_insecure
	not lib.is_set(ftps_state)
	msg := "app accepts plain FTP deployments: site_config.ftps_state is not set (default AllAllowed for this resource type), required FtpsOnly or Disabled"
}

# azapi_resource of type microsoft.web/sites: judged by its ARM body (lib.azapi), and the site's
# configuration as a resource of its own, Microsoft.Web/sites/config named "web", whose properties are the
# site configuration (ftpsState right under properties). Other ARM types, and sites/config of another name
# (appsettings, logs ...), get no check.
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

# Where ftpsState sits in the ARM body.
ftps_path := ["properties", "ftpsState"] if {
	azapi.of_type({arm_config})
} else := ["properties", "siteConfig", "ftpsState"]

ftps_text := concat(".", array.concat(["body"], ftps_path))

# ARM: only an explicit AllAllowed is flagged.
deny contains lib.violation(azapi.body_path(ftps_path), msg) if {
	azapi.of_type(arm_types)
	lower(lib.show(azapi.arm_value(ftps_path))) == "allallowed"
	msg := concat("", ["app accepts plain FTP deployments: ", ftps_text, " is AllAllowed, required FtpsOnly or Disabled"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(ftps_path), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(ftps_path)
	msg := concat("", ["app FTP setting is unknown: ", ftps_text, " is unknown until apply, required FtpsOnly or Disabled"])
}
