# LOG-AZPG-002: Azure PostgreSQL servers keep their server logs more than the 3-day default.
package iacgate.rules.audit_logging.azure_postgresql_log_retention

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# Single server: log_retention_days (1-7, default 3); flexible server: logfiles.retention_days (1-7,
# default 3). Either must be set above 3 by a configuration resource that refers to the server.
parameter_name := "log_retention_days" if {
	lib.resource.type == "azurerm_postgresql_server"
} else := "logfiles.retention_days"

parameter := object.get(
	azure.server_parameters({"azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"}),
	parameter_name, {"value": null, "id": ""},
)

days := to_number(parameter.value) if {
	is_string(parameter.value)
	regex.match(`^[0-9]+$`, parameter.value)
} else := parameter.value if is_number(parameter.value)

# A helper rule, not `not days > 3`: OPA takes the undefined `days` out of the negation.
long_enough if days > 3

deny contains lib.violation([], msg) if {
	not lib.is_unknown(parameter.value)
	not long_enough
	msg := concat("", ["PostgreSQL server keeps its logs 3 days or less: ", parameter_name, " is ", lib.show(parameter.value), " (default 3), required more than 3 days, set by a configuration resource"])
}

# A configuration whose value is unknown until apply (value = var.days) may keep the logs 3 days or less:
# undetermined, never a pass.
deny contains lib.undetermined([], msg) if {
	lib.is_unknown(parameter.value)
	msg := concat("", ["cannot tell how long the PostgreSQL server keeps its logs: the value ", parameter.id, " sets for ", parameter_name, " is unknown until apply, required more than 3 days"])
}
