package iacgate.rules.audit_logging.azure_log2_sql_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_postgresql_configuration_logging
import data.iacgate.rules.audit_logging.azure_sql_auditing
import data.iacgate.rules.audit_logging.azure_sql_database_auditing
import rego.v1

# PostgreSQL and SQL auditing tests of the Azure audit-logging rules (see azure_log2_test.rego).

# --- PostgreSQL configuration ---------------------------------------------------------------------------

configuration(name, value) := testing.resource("azurerm_postgresql_configuration", {"name": name, "value": value, "server_name": "ledger"})

test_configuration_turning_logging_off_fails if {
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration("log_connections", "off") with input.related as []
	result.path == ["value"]
	count(azure_postgresql_configuration_logging.deny) == 0 with input.resource as configuration("log_connections", "ON") with input.related as []
}

test_configuration_of_a_declared_server_is_left_to_azpg_001 if {
	edge := {"direction": "out", "attribute": "server_name", "resource": testing.resource("azurerm_postgresql_server", {})}
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration("log_connections", "off") with input.related as [edge]
	result.not_applicable
}

test_other_parameters_are_not_applicable if {
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration("work_mem", "off") with input.related as []
	result.not_applicable
}

test_unknown_name_is_judged if {
	some result in azure_postgresql_configuration_logging.deny with input.resource as configuration(testing.unknown, "off") with input.related as []
	result.path == ["name"]
}

# --- SQL auditing: legacy servers, Pulumi objects, unknowns --------------------------------------------

legacy_server(attributes) := testing.resource("azurerm_sql_server", attributes)

test_legacy_sql_server_inline_auditing if {
	inline := {"extended_auditing_policy": [{"storage_endpoint": "https://acmeaudit.blob.core.windows.net/", "retention_in_days": 365}]}
	count(azure_sql_auditing.deny) == 0 with input.resource as legacy_server(inline) with input.related as []
	pulumi := {"extended_auditing_policy": {"storage_endpoint": "https://acmeaudit.blob.core.windows.net/"}}
	count(azure_sql_auditing.deny) == 0 with input.resource as legacy_server(pulumi) with input.related as []
	count(azure_sql_auditing.deny) == 1 with input.resource as legacy_server({}) with input.related as []
	off := {"extended_auditing_policy": [{"enabled": false}]}
	count(azure_sql_auditing.deny) == 1 with input.resource as legacy_server(off) with input.related as []
}

test_unknown_enabled_is_undetermined_never_a_pass if {
	policy := testing.referrer("azurerm_mssql_server_extended_auditing_policy", "server_id", {"enabled": testing.unknown})
	results := azure_sql_auditing.deny with input.resource as testing.resource("azurerm_mssql_server", {}) with input.related as [policy]
	count(results) == 1
	some result in results
	result.status == "undetermined"
	some inline in azure_sql_auditing.deny with input.resource as legacy_server({"extended_auditing_policy": testing.unknown}) with input.related as []
	inline.status == "undetermined"
}

database(type_name, attributes) := testing.resource(type_name, attributes)

test_database_auditing_disabled_fails if {
	policy := testing.referrer("azurerm_mssql_database_extended_auditing_policy", "database_id", {"enabled": false})
	some result in azure_sql_database_auditing.deny with input.resource as database("azurerm_mssql_database", {}) with input.related as [policy]
	result.path == []
	inline := {"extended_auditing_policy": [{"enabled": false, "storage_endpoint": "https://x"}]}
	some legacy in azure_sql_database_auditing.deny with input.resource as database("azurerm_sql_database", inline) with input.related as []
	legacy.path == ["extended_auditing_policy", 0, "enabled"]
}

test_database_auditing_enabled_passes if {
	policy := testing.referrer("azurerm_mssql_database_extended_auditing_policy", "database_id", {"storage_endpoint": "https://x"})
	count(azure_sql_database_auditing.deny) == 0 with input.resource as database("azurerm_mssql_database", {}) with input.related as [policy]
	pulumi := {"extended_auditing_policy": {"storage_endpoint": "https://x"}}
	count(azure_sql_database_auditing.deny) == 0 with input.resource as database("azurerm_sql_database", pulumi) with input.related as []
}

test_database_without_own_policy_is_left_to_the_server if {
	some result in azure_sql_database_auditing.deny with input.resource as database("azurerm_mssql_database", {}) with input.related as []
	result.not_applicable
}

test_database_policy_unknown_is_undetermined if {
	policy := testing.referrer("azurerm_mssql_database_extended_auditing_policy", "database_id", {"enabled": testing.unknown})
	some result in azure_sql_database_auditing.deny with input.resource as database("azurerm_mssql_database", {}) with input.related as [policy]
	result.status == "undetermined"
}
