# ENC-AZDB-001: Azure Database for MySQL and PostgreSQL servers require TLS 1.2 connections.
package iacgate.rules.encryption.azure_database_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

single_server := {"azurerm_mysql_server", "azurerm_postgresql_server"}

# Single server: ssl_enforcement_enabled is required and must be true ...
deny contains lib.violation(["ssl_enforcement_enabled"], msg) if {
	lib.resource.type in single_server
	not lib.is_true(lib.attr("ssl_enforcement_enabled"))
	msg := concat("", ["database server accepts unencrypted connections: ssl_enforcement_enabled is ", lib.attr_text("ssl_enforcement_enabled"), ", required true"])
}

# ... and ssl_minimal_tls_version_enforced defaults to TLS1_2: an explicit older version fails.
deny contains lib.violation(["ssl_minimal_tls_version_enforced"], msg) if {
	lib.resource.type in single_server
	azure.weak_tls(lib.attr("ssl_minimal_tls_version_enforced"))
	msg := concat("", ["database server accepts TLS older than 1.2: ssl_minimal_tls_version_enforced is ", lib.attr_text("ssl_minimal_tls_version_enforced"), ", required TLS1_2"])
}

# Flexible servers: require_secure_transport is a server parameter, ON by default; a configuration
# resource setting it OFF fails.
flexible_parameters := object.union(azapi_parameters, azure.server_parameters({"azurerm_mysql_flexible_server_configuration", "azurerm_postgresql_flexible_server_configuration"}))

# Server parameters set by azapi_resource configurations whose parent_id is the server
# (Microsoft.DBforMySQL/flexibleServers/configurations, Microsoft.DBforPostgreSQL/flexibleServers/configurations:
# the parameter is the resource's name, its value properties.value), in the shape of azure.server_parameters.
# A body unknown until apply gives an unknown value.
arm_configuration_types := {
	"microsoft.dbformysql/flexibleservers/configurations",
	"microsoft.dbforpostgresql/flexibleservers/configurations",
}

azapi_parameters := {lower(name): {"value": value, "id": neighbour.id} |
	some neighbour in lib.referrers_via("azapi_resource", "parent_id")
	declared := object.get(neighbour.attributes, "type", null)
	is_string(declared)
	lower(trim_space(split(declared, "@")[0])) in arm_configuration_types
	name := object.get(neighbour.attributes, "name", null)
	is_string(name)
	value := azapi_parameter_value(azapi.body_of(neighbour.attributes))
}

azapi_parameter_value(body) := body if {
	lib.is_unknown(body)
} else := properties if {
	properties := object.get(body, "properties", null)
	lib.is_unknown(properties)
} else := object.get(body, ["properties", "value"], null)

# azapi_resource flexible servers are judged by the configurations that name them as parent; other ARM
# types get no check.
deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.dbformysql/flexibleservers", "microsoft.dbforpostgresql/flexibleservers"})

deny contains azapi.type_undetermined if azapi.type_unknown

deny contains lib.violation([], msg) if {
	not lib.resource.type in single_server
	parameter := flexible_parameters.require_secure_transport
	azure.parameter_text(parameter.value) == "off"
	msg := concat("", ["database server accepts unencrypted connections: ", parameter.id, " sets require_secure_transport to ", lib.show(parameter.value), ", required ON (the default)"])
}

# MySQL flexible server: tls_version lists the accepted versions (default TLSv1.2); TLSv1 or TLSv1.1 fails.
deny contains lib.violation([], msg) if {
	not lib.resource.type in single_server
	parameter := flexible_parameters.tls_version
	is_string(parameter.value)
	some version in split(lower(parameter.value), ",")
	trim_space(version) in {"tlsv1", "tlsv1.1"}
	msg := concat("", ["database server accepts TLS older than 1.2: ", parameter.id, " sets tls_version to ", parameter.value, ", required TLSv1.2 or TLSv1.3 only"])
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["ssl_minimal_tls_version_enforced"], msg) if {
	lib.resource.type in single_server
	lib.is_unknown(lib.attr("ssl_minimal_tls_version_enforced"))
	msg := "database server minimum TLS version is unknown: ssl_minimal_tls_version_enforced is unknown until apply, required TLS1_2"
}

deny contains lib.undetermined([], msg) if {
	not lib.resource.type in single_server
	some name in ["require_secure_transport", "tls_version"]
	parameter := flexible_parameters[name]
	lib.is_unknown(parameter.value)
	msg := concat("", ["database server TLS setting is unknown: ", parameter.id, " sets ", name, " to a value unknown until apply, required ", {"require_secure_transport": "ON", "tls_version": "TLSv1.2 or TLSv1.3 only"}[name]])
}
