# ENC-AZKUSTO-001: Data Explorer (Kusto) clusters: disk_encryption_enabled.
package iacgate.rules.encryption.azrest_kusto_disk_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

arm_type := "microsoft.kusto/clusters"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# disk_encryption_enabled (azurerm 4; enable_disk_encryption in azurerm 3) defaults to false (ARM: properties.enableDiskEncryption).
setting := azure.renamed("disk_encryption_enabled", "enable_disk_encryption")

deny contains lib.violation([setting], msg) if {
	not azapi.is_azapi
	value := lib.attr(setting)
	not lib.is_true(value)
	msg := concat("", ["Data Explorer cluster does not encrypt its disks: ", setting, " is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "enableDiskEncryption"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "enableDiskEncryption"])
	not lib.is_true(value)
	msg := concat("", ["Data Explorer cluster does not encrypt its disks: body.properties.enableDiskEncryption is ", lib.show(value), ", required true"])
}
