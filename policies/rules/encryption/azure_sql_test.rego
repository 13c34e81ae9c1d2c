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

tde_arm(body) := testing.resource("azapi_resource", {"type": "Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01-preview", "name": "current", "body": body})

test_tde_azapi_disabled_fails if {
	some result in azure_sql_tde.deny with input.resource as tde_arm({"properties": {"state": "Disabled"}})
		with input.related as []
	result.path == ["body", "properties", "state"]
}

test_tde_azapi_status_disabled_fails if {
	some result in azure_sql_tde.deny with input.resource as tde_arm("{\"properties\":{\"status\":\"Disabled\"}}")
		with input.related as []
	result.path == ["body", "properties", "status"]
}

test_tde_azapi_enabled_passes if {
	count(azure_sql_tde.deny) == 0 with input.resource as tde_arm({"properties": {"state": "Enabled"}}) with input.related as []
}

test_tde_azapi_other_type_not_applicable if {
	{"not_applicable": true} in azure_sql_tde.deny with input.resource as testing.resource("azapi_resource", {"type": "Microsoft.Sql/servers/databases@2023-08-01-preview", "body": {}})
		with input.related as []
}
