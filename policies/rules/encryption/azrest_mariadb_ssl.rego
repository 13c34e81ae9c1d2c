# ENC-AZMARIADB-001: MariaDB servers require TLS connections, version 1.2 or later.
package iacgate.rules.encryption.azrest_mariadb_ssl

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.dbformariadb/servers"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# ssl_enforcement_enabled is required by the provider (azurerm 2: ssl_enforcement "Enabled").
enforcement := "ssl_enforcement" if {
	not lib.is_set(lib.attr("ssl_enforcement_enabled"))
	lib.is_set(lib.attr("ssl_enforcement"))
} else := "ssl_enforcement_enabled"

enforced(value) if lib.is_true(value)

enforced(value) if lower(lib.show(value)) == "enabled"

deny contains lib.violation([enforcement], msg) if {
	not azapi.is_azapi
	value := lib.attr(enforcement)
	not enforced(value)
	msg := concat("", ["MariaDB server accepts unencrypted connections: ", enforcement, " is ", lib.show(value), ", required true"])
}

# ssl_minimal_tls_version_enforced defaults to "TLS1_2": only an explicit older version fails.
deny contains lib.violation(["ssl_minimal_tls_version_enforced"], msg) if {
	not azapi.is_azapi
	value := lib.attr("ssl_minimal_tls_version_enforced")
	azapi.tls_below_1_2(value)
	msg := concat("", ["MariaDB server accepts TLS older than 1.2: ssl_minimal_tls_version_enforced is ", lib.show(value), ", required TLS1_2"])
}

deny contains lib.violation(azapi.body_path(["properties", "sslEnforcement"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "sslEnforcement"])
	not enforced(value)
	msg := concat("", ["MariaDB server accepts unencrypted connections: body.properties.sslEnforcement is ", lib.show(value), ", required Enabled"])
}

deny contains lib.violation(azapi.body_path(["properties", "minimalTlsVersion"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "minimalTlsVersion"])
	azapi.tls_below_1_2(value)
	msg := concat("", ["MariaDB server accepts TLS older than 1.2: body.properties.minimalTlsVersion is ", lib.show(value), ", required TLS1_2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "minimalTlsVersion"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "minimalTlsVersion"])
	msg := "MariaDB server minimum TLS version is unknown: body.properties.minimalTlsVersion is unknown until apply, required TLS1_2"
}

deny contains lib.violation(["ssl_minimal_tls_version_enforced"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("ssl_minimal_tls_version_enforced"))
	msg := "MariaDB server minimum TLS version is unknown: ssl_minimal_tls_version_enforced is unknown until apply, required TLS1_2"
}
