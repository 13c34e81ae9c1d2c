# LOG-AZPG-003: a PostgreSQL configuration resource does not turn a logging parameter off, judged on the
# configuration itself so it is caught even when its server is declared elsewhere (another root module, a
# server managed outside Terraform). When the server is in the scanned configuration, LOG-AZPG-001 judges
# it with all its parameters and this rule does not (one finding per cause).
package iacgate.rules.audit_logging.azure_postgresql_configuration_logging

import data.iacgate.lib
import rego.v1

logging_parameters := {"log_checkpoints", "log_connections", "log_disconnections", "log_duration"}

servers := {"azurerm_postgresql_server", "azurerm_postgresql_flexible_server"}

name := lib.attr("name")

value := lib.attr("value")

server_in_configuration if {
	some server_type in servers
	count(lib.referenced(server_type)) > 0
}

# Another parameter (work_mem, a retention: LOG-AZPG-002) or a server the scan sees: not this rule's.
deny contains {"not_applicable": true} if server_in_configuration

deny contains {"not_applicable": true} if {
	is_string(name)
	not lower(name) in logging_parameters
}

deny contains lib.violation(["value"], msg) if {
	not server_in_configuration
	is_string(name)
	lower(name) in logging_parameters
	not lib.is_unknown(value)
	not azure_pg_on(value)
	msg := concat("", ["PostgreSQL server does not log ", lower(name), ": value is ", lib.show(value), ", required on"])
}

# Unknown until apply: fails at its path, which the engine reports as undetermined.
deny contains lib.violation(["value"], msg) if {
	not server_in_configuration
	is_string(name)
	lower(name) in logging_parameters
	lib.is_unknown(value)
	msg := concat("", ["cannot tell whether the PostgreSQL server logs ", lower(name), ": value is unknown, required on"])
}

deny contains lib.violation(["name"], msg) if {
	not server_in_configuration
	lib.is_unknown(name)
	not azure_pg_on(value)
	msg := concat("", ["cannot tell which PostgreSQL parameter the configuration sets to ", lib.show(value), ": name is unknown, and log_checkpoints, log_connections, log_disconnections and log_duration must be on"])
}

azure_pg_on(setting) if {
	is_string(setting)
	lower(trim_space(setting)) in {"on", "true", "1"}
}
