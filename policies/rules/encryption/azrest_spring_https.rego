# ENC-AZSPRING-001: Spring Apps API portals and apps accept HTTPS only.
package iacgate.rules.encryption.azrest_spring_https

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_portal := "microsoft.appplatform/spring/apiportals"

arm_app := "microsoft.appplatform/spring/apps"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_portal, arm_app})

deny contains azapi.type_undetermined if azapi.type_unknown

# https_only_enabled (API portal) and https_only (app) default to false.
setting := "https_only_enabled" if {
	lib.resource.type == "azurerm_spring_cloud_api_portal"
} else := "https_only"

deny contains lib.violation([setting], msg) if {
	not azapi.is_azapi
	value := lib.attr(setting)
	not lib.is_true(value)
	msg := concat("", ["Spring Apps endpoint answers plain HTTP: ", setting, " is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "httpsOnly"]), msg) if {
	azapi.of_type({arm_portal, arm_app})
	value := azapi.arm_value(["properties", "httpsOnly"])
	not lib.is_true(value)
	msg := concat("", ["Spring Apps endpoint answers plain HTTP: body.properties.httpsOnly is ", lib.show(value), ", required true"])
}
