# ENC-AZKUSTO-002: Data Explorer (Kusto) clusters: double_encryption_enabled.
package iacgate.rules.encryption.azrest_kusto_double_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

arm_type := "microsoft.kusto/clusters"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# double_encryption_enabled (azurerm 4; double_encryption_enabled in azurerm 3) defaults to false (ARM: properties.enableDoubleEncryption).
setting := azure.renamed("double_encryption_enabled", "double_encryption_enabled")

deny contains lib.violation([setting], msg) if {
	not azapi.is_azapi
	value := lib.attr(setting)
	not lib.is_true(value)
	msg := concat("", ["Data Explorer cluster encrypts its data only once: ", setting, " is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "enableDoubleEncryption"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "enableDoubleEncryption"])
	not lib.is_true(value)
	msg := concat("", ["Data Explorer cluster encrypts its data only once: body.properties.enableDoubleEncryption is ", lib.show(value), ", required true"])
}
