# ENC-AZDB-002: Azure Database for MySQL and PostgreSQL servers encrypt data with a customer-managed key.
package iacgate.rules.encryption.azure_database_cmk

import data.iacgate.lib
import rego.v1

# Flexible servers: an inline customer_managed_key block with a Key Vault key.
customer_key if {
	some block in lib.attr_blocks("customer_managed_key")
	lib.is_set(object.get(block, "key_vault_key_id", null))
}

# Single servers: an azurerm_mysql_server_key or azurerm_postgresql_server_key that names the server.
customer_key if {
	some type_name in ["azurerm_mysql_server_key", "azurerm_postgresql_server_key"]
	some server_key in lib.referrers_via(type_name, "server_id")
	lib.is_set(object.get(server_key.attributes, "key_vault_key_id", null))
}

deny contains lib.violation(lib.missing_block_path("customer_managed_key"), msg) if {
	not customer_key
	msg := "database server encrypts its data under a service-managed key: no customer_managed_key block (flexible server) and no server key resource (single server) names a Key Vault key, required a customer-managed key"
}
