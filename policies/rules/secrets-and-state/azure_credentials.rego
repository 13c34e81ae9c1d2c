# SEC-CRED-002: Azure database, VM and workspace administrator passwords are not hard-coded.
package iacgate.rules.secrets_and_state.azure_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# Credential attributes by the azurerm schema; azure-native Pulumi stacks name the flexible servers'
# password administrator_login_password.
credentials := {
	"azurerm_mssql_server": ["administrator_login_password"],
	"azurerm_mysql_server": ["administrator_login_password"],
	"azurerm_postgresql_server": ["administrator_login_password"],
	"azurerm_mysql_flexible_server": ["administrator_password", "administrator_login_password"],
	"azurerm_postgresql_flexible_server": ["administrator_password", "administrator_login_password"],
	"azurerm_linux_virtual_machine": ["admin_password"],
	"azurerm_windows_virtual_machine": ["admin_password"],
	"azurerm_synapse_workspace": ["sql_administrator_login_password"],
}

what := {
	"azurerm_mssql_server": "SQL server administrator password",
	"azurerm_mysql_server": "MySQL server administrator password",
	"azurerm_postgresql_server": "PostgreSQL server administrator password",
	"azurerm_mysql_flexible_server": "MySQL flexible server administrator password",
	"azurerm_postgresql_flexible_server": "PostgreSQL flexible server administrator password",
	"azurerm_linux_virtual_machine": "virtual machine administrator password",
	"azurerm_windows_virtual_machine": "virtual machine administrator password",
	"azurerm_synapse_workspace": "Synapse SQL administrator password",
}

names := object.get(credentials, lib.resource.type, [])

has_credential if {
	some name in names
	secrets.secrets_present(lib.attr(name))
}

has_credential if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
}

# A plan holds resolved values: a password read from a secrets manager looks like a literal there, so
# plans are judged on where the configuration takes the value from (lib.secrets.secrets_plan_origin).
plan if lib.resource.format == "terraform-plan"

# Nothing to judge: Entra ID-only authentication, SSH keys only.
deny contains {"not_applicable": true} if {
	not has_credential
}

deny contains lib.violation([name], secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	not plan
	some name in names
	secrets.secrets_literal(lib.attr(name))
	not secrets.secrets_pulumi_secret(name)
}

deny contains lib.violation([name], secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
	secrets.secrets_plan_origin(name) == "literal"
}

deny contains lib.undetermined([name], secrets.secrets_plan_undetermined_message(what[lib.resource.type], name)) if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
	not secrets.secrets_plan_origin(name) in {"literal", "injected"}
}
