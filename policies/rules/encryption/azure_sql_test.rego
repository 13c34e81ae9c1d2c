package iacgate.rules.encryption.azure_sql_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_sql_tde
import data.iacgate.rules.encryption.azure_sql_tls
import rego.v1

test_sql_tls_default_passes if {
	count(azure_sql_tls.deny) == 0 with input.resource as testing.resource("azurerm_mssql_server", {}) with input.related as []
}

test_sql_tls_disabled_fails if {
	some result in azure_sql_tls.deny with input.resource as testing.resource("azurerm_mssql_server", {"minimum_tls_version": "Disabled"})
		with input.related as []
	result.path == ["minimum_tls_version"]
}

test_sql_tls_11_fails if {
	count(azure_sql_tls.deny) == 1 with input.resource as testing.resource("azurerm_mssql_server", {"minimum_tls_version": "1.1"})
		with input.related as []
}

test_tde_default_passes if {
	count(azure_sql_tde.deny) == 0 with input.resource as testing.resource("azurerm_mssql_database", {}) with input.related as []
}

test_tde_off_fails if {
	some result in azure_sql_tde.deny with input.resource as testing.resource("azurerm_mssql_database", {"transparent_data_encryption_enabled": false})
		with input.related as []
	result.path == ["transparent_data_encryption_enabled"]
}
