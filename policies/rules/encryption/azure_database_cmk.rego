# ENC-AZDB-002: Azure Database for MySQL and PostgreSQL servers encrypt data with a customer-managed key.
package iacgate.rules.encryption.azure_database_cmk

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
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
	not azapi.is_azapi
	not azure.native
	not customer_key
	msg := "database server encrypts its data under a service-managed key: no customer_managed_key block (flexible server) and no server key resource (single server) names a Key Vault key, required a customer-managed key"
}

# Pulumi azure-native FlexibleServer (MySQL, PostgreSQL): data_encryption.type AzureKeyVault with a
# primary_key_uri; SystemManaged, the default, is a service-managed key.
native_type := azure.native_value(["data_encryption", "type"])

native_key if {
	lower(lib.show(native_type)) == "azurekeyvault"
	not azure.native_unknown_above(["data_encryption", "primary_key_uri"])
	lib.is_set(azure.native_value(["data_encryption", "primary_key_uri"]))
}

deny contains lib.violation(["data_encryption", "type"], msg) if {
	azure.native
	not native_key
	msg := concat("", ["database server encrypts its data under a service-managed key: data_encryption.type is ", lib.show(native_type), ", required AzureKeyVault with a primary_key_uri"])
}

# azapi_resource of type Microsoft.DBforPostgreSQL/flexibleServers or Microsoft.DBforMySQL/flexibleServers:
# properties.dataEncryption.type AzureKeyVault with a primaryKeyURI; SystemManaged, the default, is a
# service-managed key. Other ARM types are not applicable.
arm_types := {"microsoft.dbforpostgresql/flexibleservers", "microsoft.dbformysql/flexibleservers"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

arm_type_path := ["properties", "dataEncryption", "type"]

arm_key_path := ["properties", "dataEncryption", "primaryKeyURI"]

arm_key_type := azapi.arm_value(arm_type_path)

arm_key if {
	lower(lib.show(arm_key_type)) == "azurekeyvault"
	not azapi.unknown_above(arm_key_path)
	lib.is_set(azapi.arm_value(arm_key_path))
}

deny contains lib.violation(azapi.body_path(arm_type_path), msg) if {
	azapi.of_type(arm_types)
	not arm_key
	msg := concat("", ["database server encrypts its data under a service-managed key: body.properties.dataEncryption.type is ", lib.show(arm_key_type), ", required AzureKeyVault with a primaryKeyURI"])
}
