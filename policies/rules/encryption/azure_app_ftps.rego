# ENC-AZAPP-003: App Service and Function Apps allow FTPS only, or no FTP at all.
package iacgate.rules.encryption.azure_app_ftps

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

ftps_state := azure.block_attr("site_config", "ftps_state")

# The legacy azurerm_app_service and azurerm_function_app default ftps_state to AllAllowed; the
# linux/windows web and function apps default it to Disabled.
legacy_default_insecure := {"azurerm_app_service", "azurerm_function_app"}

deny contains lib.violation(["site_config", 0, "ftps_state"], msg) if {
	ftps_state == "AllAllowed"
	msg := "app accepts plain FTP deployments: site_config.ftps_state is AllAllowed, required FtpsOnly or Disabled"
}

# A missing ftps_state points at the site_config block, or at the resource when the block is missing too.
missing_path := ["site_config"] if {
	count(lib.attr_blocks("site_config")) > 0
} else := []

deny contains lib.violation(missing_path, msg) if {
	lib.resource.type in legacy_default_insecure
	not lib.is_set(ftps_state)
	msg := "app accepts plain FTP deployments: site_config.ftps_state is not set (default AllAllowed for this resource type), required FtpsOnly or Disabled"
}
