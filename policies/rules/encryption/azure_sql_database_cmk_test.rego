# Unit tests of ENC-AZSQL-004: Azure SQL databases under a customer-managed TDE protector.
package iacgate.rules.encryption.azure_sql_database_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_sql_database_cmk
import rego.v1

sqldb_key := "https://acme-payments-kv.vault.azure.net/keys/data/4f8e2c1d9b7a4e6f8c2d1b9a7e5f3c1d"

sqldb_server(attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "server_id",
	"resource": object.union(testing.resource("azurerm_mssql_server", attributes), {"id": "azurerm_mssql_server.neighbour"}),
}

test_database_key_or_server_key_passes if {
	count(azure_sql_database_cmk.deny) == 0 with input.resource as testing.resource("azurerm_mssql_database", {"transparent_data_encryption_key_vault_key_id": sqldb_key})
		with input.related as []
	count(azure_sql_database_cmk.deny) == 0 with input.resource as testing.resource("azurerm_mssql_database", {"server_id": "x"})
		with input.related as [sqldb_server({"transparent_data_encryption_key_vault_key_id": sqldb_key})]
}

test_server_without_key_is_undetermined if {
	some result in azure_sql_database_cmk.deny with input.resource as testing.resource("azurerm_mssql_database", {"server_id": "x"})
		with input.related as [sqldb_server({})]
	result.status == "undetermined"
}

test_tde_disabled_fails if {
	some result in azure_sql_database_cmk.deny with input.resource as testing.resource("azurerm_mssql_database", {"transparent_data_encryption_enabled": false})
		with input.related as []
	result.path == ["transparent_data_encryption_enabled"]
	not result.status
}
