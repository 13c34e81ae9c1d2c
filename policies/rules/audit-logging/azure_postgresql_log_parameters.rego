# LOG-AZPG-001: Azure PostgreSQL servers log checkpoints, connections, disconnections and durations.
package iacgate.rules.audit_logging.azure_postgresql_log_parameters

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# Azure's defaults: log_checkpoints and log_connections are on (only an explicit off fails),
# log_disconnections and log_duration are off (they must be set on by a configuration resource).
default_on := {"log_checkpoints", "log_connections"}

default_off := {"log_disconnections", "log_duration"}

parameters := azure.server_parameters({"azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"})

deny contains lib.violation([], msg) if {
	some name in default_on
	parameter := parameters[name]
	azure.parameter_text(parameter.value) == "off"
	msg := concat("", ["PostgreSQL server does not log ", name, ": ", parameter.id, " sets it to ", lib.show(parameter.value), ", required on"])
}

deny contains lib.violation([], msg) if {
	some name in default_off
	value := object.get(object.get(parameters, name, {}), "value", null)
	not azure.parameter_text(value) == "on"
	not lib.is_unknown(value)
	msg := concat("", ["PostgreSQL server does not log ", name, ": the server parameter is ", lib.show(value), " (default off), required an azurerm_postgresql_configuration or azurerm_postgresql_flexible_server_configuration setting it on"])
}

# A configuration whose value is unknown until apply (value = var.x) may turn the parameter off, or leave a
# parameter that is off by default off: undetermined, never a pass.
deny contains lib.undetermined([], msg) if {
	some name in default_on | default_off
	parameter := parameters[name]
	lib.is_unknown(parameter.value)
	msg := concat("", ["cannot tell whether the PostgreSQL server logs ", name, ": the value ", parameter.id, " sets is unknown until apply, required on"])
}
