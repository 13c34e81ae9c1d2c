# ENC-AZSQL-001: Azure SQL servers require TLS 1.2 or later.
package iacgate.rules.encryption.azure_sql_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# minimum_tls_version defaults to "1.2" (azurerm 3 and later): only an explicit older version or
# "Disabled" fails.
deny contains lib.violation(["minimum_tls_version"], msg) if {
	not azapi.is_azapi
	not azure.native
	azure.weak_tls(lib.attr("minimum_tls_version"))
	msg := concat("", ["SQL server accepts TLS older than 1.2: minimum_tls_version is ", lib.attr_text("minimum_tls_version"), ", required 1.2"])
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["minimum_tls_version"], msg) if {
	not azapi.is_azapi
	not azure.native
	lib.is_unknown(lib.attr("minimum_tls_version"))
	msg := "SQL server minimum TLS version is unknown: minimum_tls_version is unknown until apply, required 1.2"
}

# azapi_resource of type microsoft.sql/servers: judged by its ARM body (lib.azapi); other ARM types get no check.
# SQL Managed Instances have the same setting (minimum_tls_version, ARM minimalTlsVersion, default 1.2).
arm_types := {"microsoft.sql/servers", "microsoft.sql/managedinstances"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

# ARM: properties.minimalTlsVersion ("1.0", "1.1", "1.2", "1.3" or "None"); only an explicit older one fails.
deny contains lib.violation(azapi.body_path(["properties", "minimalTlsVersion"]), msg) if {
	azapi.of_type(arm_types)
	value := azapi.arm_value(["properties", "minimalTlsVersion"])
	azapi.tls_below_1_2(value)
	msg := concat("", ["SQL server accepts TLS older than 1.2: body.properties.minimalTlsVersion is ", azapi.as_string(value), ", required 1.2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "minimalTlsVersion"]), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(["properties", "minimalTlsVersion"])
	msg := "SQL server minimum TLS version is unknown: body.properties.minimalTlsVersion is unknown until apply, required 1.2"
}

# Pulumi azure-native Server: the ARM name, minimal_tls_version ("1.0" ... "1.3", or "None": no minimum).
deny contains lib.violation(["minimal_tls_version"], msg) if {
	azure.native
	value := lib.attr("minimal_tls_version")
	azapi.tls_below_1_2(value)
	msg := concat("", ["SQL server accepts TLS older than 1.2: minimal_tls_version is ", azapi.as_string(value), ", required 1.2"])
}

deny contains lib.violation(["minimal_tls_version"], msg) if {
	azure.native
	lib.is_unknown(lib.attr("minimal_tls_version"))
	msg := "SQL server minimum TLS version is unknown: minimal_tls_version is unknown until apply, required 1.2"
}
