# ENC-AZREDIS-001: Azure Cache for Redis keeps the non-TLS port closed and requires TLS 1.2.
package iacgate.rules.encryption.azure_redis_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# non_ssl_port_enabled (azurerm 4; enable_non_ssl_port in 3) defaults to false.
port := azure.renamed("non_ssl_port_enabled", "enable_non_ssl_port")

deny contains lib.violation([port], msg) if {
	not azapi.is_azapi
	lib.is_true(lib.attr(port))
	msg := concat("", ["Redis cache accepts unencrypted connections on port 6379: ", port, " is true, required false (the default)"])
}

# minimum_tls_version: an explicit version below 1.2 fails.
deny contains lib.violation(["minimum_tls_version"], msg) if {
	not azapi.is_azapi
	azure.weak_tls(lib.attr("minimum_tls_version"))
	msg := concat("", ["Redis cache accepts TLS older than 1.2: minimum_tls_version is ", lib.attr_text("minimum_tls_version"), ", required 1.2"])
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation([port], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr(port))
	msg := concat("", ["Redis cache non-TLS port setting is unknown: ", port, " is unknown until apply, required false"])
}

deny contains lib.violation(["minimum_tls_version"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("minimum_tls_version"))
	msg := "Redis cache minimum TLS version is unknown: minimum_tls_version is unknown until apply, required 1.2"
}

# azapi_resource of type microsoft.cache/redis: judged by its ARM body (lib.azapi); other ARM types get no check.
arm_types := {"microsoft.cache/redis", "microsoft.cache/redisenterprise/databases"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

# ARM: properties.enableNonSslPort (default false) and properties.minimumTlsVersion.
deny contains lib.violation(azapi.body_path(["properties", "enableNonSslPort"]), msg) if {
	azapi.of_type(arm_types)
	lib.is_true(azapi.arm_value(["properties", "enableNonSslPort"]))
	msg := "Redis cache accepts unencrypted connections on port 6379: body.properties.enableNonSslPort is true, required false (the default)"
}

deny contains lib.violation(azapi.body_path(["properties", "minimumTlsVersion"]), msg) if {
	azapi.of_type(arm_types)
	value := azapi.arm_value(["properties", "minimumTlsVersion"])
	azapi.tls_below_1_2(value)
	msg := concat("", ["Redis cache accepts TLS older than 1.2: body.properties.minimumTlsVersion is ", azapi.as_string(value), ", required 1.2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "enableNonSslPort"]), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(["properties", "enableNonSslPort"])
	msg := "Redis cache non-TLS port setting is unknown: body.properties.enableNonSslPort is unknown until apply, required false"
}

deny contains lib.violation(azapi.body_path(["properties", "minimumTlsVersion"]), msg) if {
	azapi.of_type(arm_types)
	azapi.unknown_at(["properties", "minimumTlsVersion"])
	msg := "Redis cache minimum TLS version is unknown: body.properties.minimumTlsVersion is unknown until apply, required 1.2"
}

# Azure Managed Redis and Redis Enterprise databases: client_protocol Encrypted (the default) or Plaintext,
# on azurerm_redis_enterprise_database itself, in the default_database block of azurerm_managed_redis, and
# properties.clientProtocol of an azapi Microsoft.Cache/redisEnterprise/databases.
protocol_value := lib.attr("client_protocol") if {
	lib.resource.type == "azurerm_redis_enterprise_database"
} else := azure.block_value("default_database", "client_protocol") if {
	lib.resource.type == "azurerm_managed_redis"
} else := azapi.arm_value(["properties", "clientProtocol"]) if {
	azapi.of_type({"microsoft.cache/redisenterprise/databases"})
}

protocol_path := ["client_protocol"] if {
	lib.resource.type == "azurerm_redis_enterprise_database"
} else := azure.block_setting_path("default_database", "client_protocol") if {
	lib.resource.type == "azurerm_managed_redis"
} else := azapi.body_path(["properties", "clientProtocol"])

deny contains lib.violation(protocol_path, msg) if {
	lower(lib.show(protocol_value)) == "plaintext"
	msg := concat("", ["Redis database accepts unencrypted connections: ", format_path_text(protocol_path), " is ", lib.show(protocol_value), ", required Encrypted (the default)"])
}

deny contains lib.violation(protocol_path, msg) if {
	lib.is_unknown(protocol_value)
	msg := concat("", ["Redis database client protocol is unknown: ", format_path_text(protocol_path), " is unknown until apply, required Encrypted"])
}

# A finding's path as a dotted name (list indices left out).
format_path_text(path) := concat(".", [name | some name in path; is_string(name)])
