# ENC-AZSLOT-001: App Service and Function App deployment slots accept HTTPS only.
package iacgate.rules.encryption.azrest_app_slot_https

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.web/sites/slots"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# https_only defaults to false (ARM: properties.httpsOnly, default false).
deny contains lib.violation(["https_only"], msg) if {
	not azapi.is_azapi
	value := lib.attr("https_only")
	not lib.is_true(value)
	msg := concat("", ["deployment slot answers plain HTTP: https_only is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "httpsOnly"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "httpsOnly"])
	not lib.is_true(value)
	msg := concat("", ["deployment slot answers plain HTTP: body.properties.httpsOnly is ", lib.show(value), ", required true"])
}
