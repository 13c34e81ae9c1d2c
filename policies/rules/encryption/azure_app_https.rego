# ENC-AZAPP-001: App Service and Function Apps redirect HTTP to HTTPS.
package iacgate.rules.encryption.azure_app_https

import data.iacgate.lib
import rego.v1

# https_only defaults to false: a missing value fails.
deny contains lib.violation(["https_only"], msg) if {
	not lib.is_true(lib.attr("https_only"))
	msg := concat("", ["app serves plain HTTP: https_only is ", lib.attr_text("https_only"), ", required true"])
}
