package iacgate.rules.audit_logging.azure_postgresql_log_parameters_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_postgresql_log_parameters
import rego.v1

# A function, not a rule: regopy 1.5.2 ignores `with input.resource as <package rule>`.
server(name) := testing.resource("azurerm_postgresql_server", {"name": name})

parameter(name, value) := testing.referrer("azurerm_postgresql_configuration", "server_name", {"name": name, "value": value})

test_defaults_fail_for_disconnections_and_duration if {
	count(azure_postgresql_log_parameters.deny) == 2 with input.resource as server("ledger") with input.related as []
}

test_all_on_passes if {
	count(azure_postgresql_log_parameters.deny) == 0 with input.resource as server("ledger")
		with input.related as [parameter("log_disconnections", "on"), parameter("log_duration", "ON")]
}

test_checkpoints_off_fails if {
	some result in azure_postgresql_log_parameters.deny with input.resource as server("ledger")
		with input.related as [parameter("log_disconnections", "on"), parameter("log_duration", "on"), parameter("log_checkpoints", "off")]
	contains(result.message, "log_checkpoints")
}

# log_checkpoints is on by default: a value unknown until apply may turn it off, so undetermined.
test_checkpoints_unknown_is_undetermined if {
	some result in azure_postgresql_log_parameters.deny with input.resource as server("ledger")
		with input.related as [parameter("log_disconnections", "on"), parameter("log_duration", "on"), parameter("log_checkpoints", testing.unknown)]
	result.status == "undetermined"
}
