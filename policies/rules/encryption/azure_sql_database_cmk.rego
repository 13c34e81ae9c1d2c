# ENC-AZSQL-004: Azure SQL databases are encrypted under a customer-managed TDE protector.
package iacgate.rules.encryption.azure_sql_database_cmk

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

key_name := "transparent_data_encryption_key_vault_key_id"

# The servers of the scanned configuration the database names in server_id.
servers := [server | some server in lib.referenced("azurerm_mssql_server")]

# Any Key Vault or Managed HSM key is the customer's: a database key that is set decides.
own_key if lib.is_set(lib.attr(key_name))

# TDE switched off leaves no protector to speak of.
deny contains lib.violation(["transparent_data_encryption_enabled"], msg) if {
	lib.is_false(lib.attr("transparent_data_encryption_enabled"))
	msg := concat("", [
		"SQL database is not encrypted with a customer-managed key: transparent_data_encryption_enabled is ",
		lib.attr_text("transparent_data_encryption_enabled"), ", required true with a customer-managed TDE protector",
	])
}

# Without a key of its own the database is protected by its server's TDE protector. A server of the
# configuration that names a key itself decides; one that does not may have it from a separate
# azurerm_mssql_server_transparent_data_encryption (which ENC-AZSQL-003 judges on the server), and a
# server outside the configuration is not shown: undetermined.
deny contains lib.undetermined([key_name], msg) if {
	not azure.native
	not own_key
	not lib.is_false(lib.attr("transparent_data_encryption_enabled"))
	not server_key
	msg := concat("", [
		"SQL database takes its TDE protector from its server, which the database does not show: ", key_name,
		" is not set and the server named in server_id does not set transparent_data_encryption_key_vault_key_id",
		" itself (ENC-AZSQL-003 judges the server), required a customer-managed Key Vault or Managed HSM key",
	])
}

server_key if {
	some server in servers
	lib.is_set(object.get(server.attributes, key_name, null))
}

# Pulumi azure-native Database: its own customer-managed key is encryption_protector; its Server's is key_id.
native_server_key if {
	some server in servers
	lib.is_set(object.get(server.attributes, "key_id", null))
}

deny contains lib.undetermined(["encryption_protector"], msg) if {
	azure.native
	not lib.is_set(lib.attr("encryption_protector"))
	not native_server_key
	msg := "SQL database takes its TDE protector from its server, which the database does not show: encryption_protector is not set and the server named in server_name does not set key_id itself (ENC-AZSQL-003 judges the server), required a customer-managed Key Vault key"
}
