# ENC-AZAPP-002: App Service and Function Apps require TLS 1.2 or later (site and SCM endpoints).
package iacgate.rules.encryption.azure_app_tls

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# Both default to "1.2": only an explicit older version fails. azurerm 2/3's azurerm_app_service and
# azurerm_function_app call the site setting min_tls_version.
deny contains lib.violation(["site_config", 0, setting], msg) if {
	some setting in ["minimum_tls_version", "min_tls_version", "scm_minimum_tls_version", "scm_min_tls_version"]
	value := azure.block_attr("site_config", setting)
	azure.weak_tls(value)
	msg := concat("", ["app accepts TLS older than 1.2: site_config.", setting, " is ", lib.show(value), ", required 1.2"])
}
