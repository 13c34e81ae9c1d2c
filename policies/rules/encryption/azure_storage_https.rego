# ENC-AZSTORAGE-001: Azure storage accounts accept requests over HTTPS only.
package iacgate.rules.encryption.azure_storage_https

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# https_traffic_only_enabled (azurerm 4; enable_https_traffic_only in 3) defaults to true: only an
# explicit false fails.
name := azure.renamed("https_traffic_only_enabled", "enable_https_traffic_only")

# azapi_resource of type Microsoft.Storage/storageAccounts is judged by its ARM body (lib.azapi).
arm_type := "microsoft.storage/storageaccounts"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

deny contains lib.violation([name], msg) if {
	not azapi.is_azapi
	lib.is_false(lib.attr(name))
	msg := concat("", ["storage account accepts plain HTTP requests: ", name, " is false, required true (the default)"])
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation([name], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["storage account HTTPS setting is unknown: ", name, " is unknown until apply, required true"])
}

# ARM: properties.supportsHttpsTrafficOnly defaults to true.
deny contains lib.violation(azapi.body_path(["properties", "supportsHttpsTrafficOnly"]), msg) if {
	azapi.of_type({arm_type})
	lib.is_false(azapi.arm_value(["properties", "supportsHttpsTrafficOnly"]))
	msg := "storage account accepts plain HTTP requests: body.properties.supportsHttpsTrafficOnly is false, required true (the default)"
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "supportsHttpsTrafficOnly"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "supportsHttpsTrafficOnly"])
	msg := "storage account HTTPS setting is unknown: body.properties.supportsHttpsTrafficOnly is unknown until apply, required true"
}
