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

# ARM: supportsHttpsTrafficOnly defaults to true since API version 2019-04-01 and to false before it, so an
# azapi_resource on an older API version ("Microsoft.Storage/storageAccounts@2018-07-01") that leaves it out
# accepts plain HTTP.
api_version := lower(trim_space(parts[1])) if {
	declared := lib.attr("type")
	is_string(declared)
	parts := split(declared, "@")
	count(parts) > 1
}

old_api_default if api_version < "2019-04-01"

deny contains lib.violation(azapi.body_path(["properties", "supportsHttpsTrafficOnly"]), msg) if {
	azapi.of_type({arm_type})
	old_api_default
	not lib.is_set(azapi.arm_value(["properties", "supportsHttpsTrafficOnly"]))
	not azapi.unknown_above(["properties", "supportsHttpsTrafficOnly"])
	msg := concat("", ["storage account accepts plain HTTP requests: body.properties.supportsHttpsTrafficOnly is not set, and API version ", api_version, " defaults it to false (true since 2019-04-01), required true"])
}

# The body, or properties, unknown until apply on such an API version: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "supportsHttpsTrafficOnly"]), msg) if {
	azapi.of_type({arm_type})
	old_api_default
	azapi.unknown_above(["properties", "supportsHttpsTrafficOnly"])
	msg := concat("", ["storage account HTTPS setting is unknown: body.properties is unknown until apply, and API version ", api_version, " defaults supportsHttpsTrafficOnly to false, required true"])
}
