package iacgate.rules.audit_logging.azure_postgresql_log_retention_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_postgresql_log_retention
import rego.v1

# Functions, not rules: regopy 1.5.2 ignores `with input.resource as <package rule>`.
single(name) := testing.resource("azurerm_postgresql_server", {"name": name})

flexible(name) := testing.resource("azurerm_postgresql_flexible_server", {"name": name})

setting(type_name, name, value) := testing.referrer(type_name, "server_id", {"name": name, "value": value})

test_default_retention_fails if {
	count(azure_postgresql_log_retention.deny) == 1 with input.resource as single("ledger") with input.related as []
}

test_seven_days_passes if {
	count(azure_postgresql_log_retention.deny) == 0 with input.resource as single("ledger")
		with input.related as [setting("azurerm_postgresql_configuration", "log_retention_days", "7")]
}

test_three_days_fails if {
	some result in azure_postgresql_log_retention.deny with input.resource as single("ledger")
		with input.related as [setting("azurerm_postgresql_configuration", "log_retention_days", "3")]
	contains(result.message, "log_retention_days is 3")
}

test_flexible_parameter_name if {
	count(azure_postgresql_log_retention.deny) == 0 with input.resource as flexible("ledger")
		with input.related as [setting("azurerm_postgresql_flexible_server_configuration", "logfiles.retention_days", "7")]
	count(azure_postgresql_log_retention.deny) == 1 with input.resource as flexible("ledger")
		with input.related as [setting("azurerm_postgresql_flexible_server_configuration", "log_retention_days", "7")]
}

test_unknown_days_are_undetermined if {
	some result in azure_postgresql_log_retention.deny with input.resource as flexible("ledger")
		with input.related as [setting("azurerm_postgresql_flexible_server_configuration", "logfiles.retention_days", testing.unknown)]
	result.status == "undetermined"
}
