package iacgate.rules.encryption.azure_database_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_database_cmk
import rego.v1

test_flexible_without_key_fails if {
	some result in azure_database_cmk.deny with input.resource as testing.resource("azurerm_postgresql_flexible_server", {})
		with input.related as []
	result.path == ["customer_managed_key"]
}

test_flexible_with_key_passes if {
	count(azure_database_cmk.deny) == 0 with input.resource as testing.resource("azurerm_mysql_flexible_server", {"customer_managed_key": [{"key_vault_key_id": testing.unknown}]})
		with input.related as []
}

test_single_server_key_passes if {
	count(azure_database_cmk.deny) == 0 with input.resource as testing.resource("azurerm_postgresql_server", {})
		with input.related as [testing.referrer("azurerm_postgresql_server_key", "server_id", {"key_vault_key_id": "https://kv/keys/db"})]
}

test_single_server_without_key_fails if {
	count(azure_database_cmk.deny) == 1 with input.resource as testing.resource("azurerm_mysql_server", {}) with input.related as []
}

arm_flexible(arm_type, body) := testing.resource("azapi_resource", {"type": arm_type, "name": "ledger", "body": body})

test_azapi_flexible_system_managed_fails if {
	some result in azure_database_cmk.deny with input.resource as arm_flexible("Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01", {"properties": {"dataEncryption": {"type": "SystemManaged"}}})
		with input.related as []
	result.path == ["body", "properties", "dataEncryption", "type"]
}

test_azapi_flexible_key_vault_passes if {
	count(azure_database_cmk.deny) == 0 with input.resource as arm_flexible("Microsoft.DBforMySQL/flexibleServers@2023-12-30", "{\"properties\":{\"dataEncryption\":{\"type\":\"AzureKeyVault\",\"primaryKeyURI\":\"https://kv.vault.azure.net/keys/db\"}}}")
		with input.related as []
}

test_azapi_other_type_not_applicable if {
	{"not_applicable": true} in azure_database_cmk.deny with input.resource as arm_flexible("Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01", {})
		with input.related as []
}
