# ENC-AZAPP-001: App Service and Function Apps redirect HTTP to HTTPS.
package iacgate.rules.encryption.azure_app_https

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

# https_only defaults to false: a missing value fails.
deny contains lib.violation(["https_only"], msg) if {
	not azapi.is_azapi
	not lib.is_true(lib.attr("https_only"))
	msg := concat("", ["app serves plain HTTP: https_only is ", lib.attr_text("https_only"), ", required true"])
}

# azapi_resource of type microsoft.web/sites: judged by its ARM body (lib.azapi); other ARM types get no check.
arm_types := {"microsoft.web/sites"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

# ARM: properties.httpsOnly defaults to false.
deny contains lib.violation(azapi.body_path(["properties", "httpsOnly"]), msg) if {
	azapi.of_type(arm_types)
	value := azapi.arm_value(["properties", "httpsOnly"])
	not lib.is_true(value)
	msg := concat("", ["app serves plain HTTP: body.properties.httpsOnly is ", lib.show(value), ", required true"])
}
