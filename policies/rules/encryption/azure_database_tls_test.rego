package iacgate.rules.encryption.azure_database_tls_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_database_tls
import rego.v1

parameter(type_name, name, value) := testing.referrer(type_name, "server_id", {"name": name, "value": value})

test_single_server_enforced_passes if {
	count(azure_database_tls.deny) == 0 with input.resource as testing.resource("azurerm_postgresql_server", {"ssl_enforcement_enabled": true})
		with input.related as []
}

test_single_server_not_enforced_fails if {
	some result in azure_database_tls.deny with input.resource as testing.resource("azurerm_mysql_server", {"ssl_enforcement_enabled": false})
		with input.related as []
	result.path == ["ssl_enforcement_enabled"]
}

test_single_server_old_tls_fails if {
	some result in azure_database_tls.deny with input.resource as testing.resource("azurerm_mysql_server", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"})
		with input.related as []
	result.path == ["ssl_minimal_tls_version_enforced"]
}

test_flexible_default_passes if {
	count(azure_database_tls.deny) == 0 with input.resource as testing.resource("azurerm_postgresql_flexible_server", {})
		with input.related as []
}

test_flexible_secure_transport_off_fails if {
	some result in azure_database_tls.deny with input.resource as testing.resource("azurerm_mysql_flexible_server", {})
		with input.related as [parameter("azurerm_mysql_flexible_server_configuration", "require_secure_transport", "OFF")]
	contains(result.message, "require_secure_transport")
}

test_flexible_old_tls_fails if {
	count(azure_database_tls.deny) == 1 with input.resource as testing.resource("azurerm_mysql_flexible_server", {})
		with input.related as [parameter("azurerm_mysql_flexible_server_configuration", "tls_version", "TLSv1.1,TLSv1.2")]
}

test_flexible_tls_12_passes if {
	count(azure_database_tls.deny) == 0 with input.resource as testing.resource("azurerm_mysql_flexible_server", {})
		with input.related as [parameter("azurerm_mysql_flexible_server_configuration", "tls_version", "TLSv1.2,TLSv1.3")]
}
