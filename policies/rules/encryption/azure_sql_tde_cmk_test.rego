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
