# ENC-AZSTORAGE-002: Azure storage accounts require TLS 1.2 or later.
package iacgate.rules.encryption.azure_storage_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# azapi_resource of type Microsoft.Storage/storageAccounts is judged by its ARM body (lib.azapi).
arm_type := "microsoft.storage/storageaccounts"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# min_tls_version defaults to TLS1_2 (azurerm 3 and later): only an explicit older version fails.
deny contains lib.violation(["min_tls_version"], msg) if {
	not azapi.is_azapi
	azure.weak_tls(lib.attr("min_tls_version"))
	msg := concat("", ["storage account accepts TLS older than 1.2: min_tls_version is ", lib.attr_text("min_tls_version"), ", required TLS1_2"])
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["min_tls_version"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("min_tls_version"))
	msg := "storage account minimum TLS version is unknown: min_tls_version is unknown until apply, required TLS1_2"
}

# ARM: properties.minimumTlsVersion; only an explicit older version fails, as for the azurerm type.
deny contains lib.violation(azapi.body_path(["properties", "minimumTlsVersion"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "minimumTlsVersion"])
	azapi.tls_below_1_2(value)
	msg := concat("", ["storage account accepts TLS older than 1.2: body.properties.minimumTlsVersion is ", lib.show(value), ", required TLS1_2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "minimumTlsVersion"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "minimumTlsVersion"])
	msg := "storage account minimum TLS version is unknown: body.properties.minimumTlsVersion is unknown until apply, required TLS1_2"
}
