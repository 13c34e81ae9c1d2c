# SEC-CRED-002: Azure database, VM and workspace administrator passwords are not hard-coded.
package iacgate.rules.secrets_and_state.azure_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# Credential attributes by the azurerm schema (paths through nested blocks, and the write-only variants of
# azurerm 4.x, *_wo: kept out of the state, but a literal is still in the code); azure-native Pulumi stacks
# name the flexible servers' password administrator_login_password.
credentials := {
	"azurerm_mssql_server": [["administrator_login_password"], ["administrator_login_password_wo"]],
	"azurerm_mssql_managed_instance": [["administrator_login_password"]],
	"azurerm_sql_server": [["administrator_login_password"]],
	"azurerm_mysql_server": [["administrator_login_password"]],
	"azurerm_mariadb_server": [["administrator_login_password"]],
	"azurerm_postgresql_server": [["administrator_login_password"]],
	"azurerm_mysql_flexible_server": [["administrator_password"], ["administrator_login_password"], ["administrator_password_wo"]],
	"azurerm_postgresql_flexible_server": [["administrator_password"], ["administrator_login_password"], ["administrator_password_wo"]],
	"azurerm_linux_virtual_machine": [["admin_password"]],
	"azurerm_windows_virtual_machine": [["admin_password"]],
	"azurerm_linux_virtual_machine_scale_set": [["admin_password"]],
	"azurerm_windows_virtual_machine_scale_set": [["admin_password"]],
	"azurerm_virtual_machine": [["os_profile", "admin_password"]],
	"azurerm_virtual_machine_scale_set": [["os_profile", "admin_password"]],
	"azurerm_kubernetes_cluster": [["windows_profile", "admin_password"]],
	"azurerm_synapse_workspace": [["sql_administrator_login_password"]],
}

what := {
	"azurerm_mssql_server": "SQL server administrator password",
	"azurerm_mssql_managed_instance": "SQL managed instance administrator password",
	"azurerm_sql_server": "SQL server administrator password",
	"azurerm_mysql_server": "MySQL server administrator password",
	"azurerm_mariadb_server": "MariaDB server administrator password",
	"azurerm_postgresql_server": "PostgreSQL server administrator password",
	"azurerm_mysql_flexible_server": "MySQL flexible server administrator password",
	"azurerm_postgresql_flexible_server": "PostgreSQL flexible server administrator password",
	"azurerm_linux_virtual_machine": "virtual machine administrator password",
	"azurerm_windows_virtual_machine": "virtual machine administrator password",
	"azurerm_linux_virtual_machine_scale_set": "scale set administrator password",
	"azurerm_windows_virtual_machine_scale_set": "scale set administrator password",
	"azurerm_virtual_machine": "virtual machine administrator password",
	"azurerm_virtual_machine_scale_set": "scale set administrator password",
	"azurerm_kubernetes_cluster": "Windows node administrator password",
	"azurerm_synapse_workspace": "Synapse SQL administrator password",
}

paths := object.get(credentials, lib.resource.type, [])

found := secrets.secrets_credentials(paths)

has_credential if {
	not plan
	some entry in found
	secrets.secrets_present(entry.value)
}

has_credential if {
	plan
	secrets.secrets_plan_has_credential(paths, found)
}

# A plan holds resolved values: a password read from a secrets manager looks like a literal there, so
# plans are judged on where the configuration takes the value from (lib.secrets.secrets_plan_origin).
plan if lib.resource.format == "terraform-plan"

# Nothing to judge: Entra ID-only authentication, SSH keys only.
deny contains {"not_applicable": true} if {
	not has_credential
}

deny contains lib.violation(entry.path, secrets.secrets_hardcoded_message(what[lib.resource.type], entry.name)) if {
	not plan
	some entry in found
	secrets.secrets_literal(entry.value)
	not secrets.secrets_pulumi_secret_at(entry.path)
}

deny contains lib.violation(path, secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	plan
	some entry in secrets.secrets_plan_entries(paths, found)
	secrets.secrets_plan_origin(entry.name) == "literal"
	name := entry.name
	path := entry.path
}

deny contains lib.undetermined(path, secrets.secrets_plan_undetermined_message(what[lib.resource.type], name)) if {
	plan
	some entry in secrets.secrets_plan_entries(paths, found)
	not secrets.secrets_plan_origin(entry.name) in {"literal", "injected"}
	name := entry.name
	path := entry.path
}
