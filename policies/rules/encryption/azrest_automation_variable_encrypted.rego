# ENC-AZAUTO-001: Automation account variables are encrypted.
package iacgate.rules.encryption.azrest_automation_variable_encrypted

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.automation/automationaccounts/variables"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# encrypted defaults to false (ARM: properties.isEncrypted, default false).
deny contains lib.violation(["encrypted"], msg) if {
	not azapi.is_azapi
	value := lib.attr("encrypted")
	not lib.is_true(value)
	msg := concat("", ["Automation variable is stored unencrypted: encrypted is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "isEncrypted"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "isEncrypted"])
	not lib.is_true(value)
	msg := concat("", ["Automation variable is stored unencrypted: body.properties.isEncrypted is ", lib.show(value), ", required true"])
}
