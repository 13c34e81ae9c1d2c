package iacgate.rules.encryption.azure_sql_tde_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_sql_tde_cmk
import rego.v1

server(attributes) := testing.resource("azurerm_mssql_server", attributes)

test_service_managed_key_fails if {
	count(azure_sql_tde_cmk.deny) == 1 with input.resource as server({}) with input.related as []
}

test_server_attribute_passes if {
	count(azure_sql_tde_cmk.deny) == 0 with input.resource as server({"transparent_data_encryption_key_vault_key_id": testing.unknown})
		with input.related as []
}

test_separate_protector_passes if {
	count(azure_sql_tde_cmk.deny) == 0 with input.resource as server({})
		with input.related as [testing.referrer("azurerm_mssql_server_transparent_data_encryption", "server_id", {"key_vault_key_id": "https://kv/keys/tde"})]
}

test_protector_without_key_fails if {
	count(azure_sql_tde_cmk.deny) == 1 with input.resource as server({})
		with input.related as [testing.referrer("azurerm_mssql_server_transparent_data_encryption", "server_id", {})]
}

instance(attributes) := testing.resource("azurerm_mssql_managed_instance", attributes)

test_managed_instance_without_protector_fails if {
	count(azure_sql_tde_cmk.deny) == 1 with input.resource as instance({}) with input.related as []
}

test_managed_instance_service_managed_protector_fails if {
	count(azure_sql_tde_cmk.deny) == 1 with input.resource as instance({})
		with input.related as [testing.referrer("azurerm_mssql_managed_instance_transparent_data_encryption", "managed_instance_id", {"auto_rotation_enabled": true})]
}

test_managed_instance_customer_key_passes if {
	count(azure_sql_tde_cmk.deny) == 0 with input.resource as instance({})
		with input.related as [testing.referrer("azurerm_mssql_managed_instance_transparent_data_encryption", "managed_instance_id", {"managed_hsm_key_id": "https://acme.managedhsm.azure.net/keys/tde"})]
}

arm_server(body) := testing.resource("azapi_resource", {"type": "Microsoft.Sql/servers@2023-08-01-preview", "name": "ledger", "body": body})

arm_protector(key_type) := testing.referrer("azapi_resource", "parent_id", {"type": "Microsoft.Sql/servers/encryptionProtector@2023-08-01-preview", "name": "current", "body": {"properties": {"serverKeyType": key_type, "serverKeyName": "kv_tde_1"}}})

test_azapi_server_without_key_fails if {
	some result in azure_sql_tde_cmk.deny with input.resource as arm_server({"properties": {"version": "12.0"}}) with input.related as []
	result.path == ["body", "properties", "keyId"]
}

test_azapi_server_key_id_passes if {
	count(azure_sql_tde_cmk.deny) == 0 with input.resource as arm_server("{\"properties\":{\"keyId\":\"https://kv.vault.azure.net/keys/tde\"}}") with input.related as []
}

test_azapi_server_protector_passes if {
	count(azure_sql_tde_cmk.deny) == 0 with input.resource as arm_server({"properties": {}}) with input.related as [arm_protector("AzureKeyVault")]
}

test_azapi_server_service_managed_protector_fails if {
	count(azure_sql_tde_cmk.deny) == 1 with input.resource as arm_server({"properties": {}}) with input.related as [arm_protector("ServiceManaged")]
}

test_azapi_server_unknown_protector_undetermined if {
	some result in azure_sql_tde_cmk.deny with input.resource as arm_server({"properties": {}}) with input.related as [arm_protector(testing.unknown)]
	result.status == "undetermined"
}

test_azapi_other_type_not_applicable if {
	{"not_applicable": true} in azure_sql_tde_cmk.deny with input.resource as testing.resource("azapi_resource", {"type": "Microsoft.Sql/servers/databases@2023-08-01-preview", "body": {}})
		with input.related as []
}
