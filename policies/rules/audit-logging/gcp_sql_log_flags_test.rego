package iacgate.rules.audit_logging.gcp_sql_log_flags_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_sql_log_checkpoints
import data.iacgate.rules.audit_logging.gcp_sql_log_hostname
import data.iacgate.rules.audit_logging.gcp_sql_log_lock_waits
import data.iacgate.rules.audit_logging.gcp_sql_log_min_duration_statement
import data.iacgate.rules.audit_logging.gcp_sql_log_min_error_statement
import data.iacgate.rules.audit_logging.gcp_sql_log_min_messages
import data.iacgate.rules.audit_logging.gcp_sql_log_statement
import data.iacgate.rules.audit_logging.gcp_sql_log_temp_files
import rego.v1

instance(version, flags) := testing.resource("google_sql_database_instance", {
	"database_version": version,
	"settings": [{"tier": "db-custom-2-7680", "database_flags": flags}],
})

# Pulumi writes the settings block as an object.
pulumi_instance(version, flags) := object.union(testing.resource("google_sql_database_instance", {
	"database_version": version,
	"settings": {"tier": "db-custom-2-7680", "database_flags": flags},
}), {"format": "pulumi"})

compliant := [
	{"name": "log_checkpoints", "value": "on"},
	{"name": "log_lock_waits", "value": "On"},
	{"name": "log_hostname", "value": "on"},
	{"name": "log_temp_files", "value": "0"},
	{"name": "log_statement", "value": "ddl"},
	{"name": "log_min_messages", "value": "WARNING"},
	{"name": "log_min_error_statement", "value": "error"},
	{"name": "log_min_duration_statement", "value": "-1"},
]

test_compliant_flags_pass if {
	count(gcp_sql_log_checkpoints.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_lock_waits.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_hostname.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_temp_files.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_statement.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_min_messages.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_min_error_statement.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
	count(gcp_sql_log_min_duration_statement.deny) == 0 with input.resource as instance("POSTGRES_15", compliant) with input.related as []
}

test_flags_left_out_fail_where_the_default_does_not_log if {
	count(gcp_sql_log_checkpoints.deny) == 1 with input.resource as instance("POSTGRES_15", []) with input.related as []
	count(gcp_sql_log_lock_waits.deny) == 1 with input.resource as instance("POSTGRES_15", []) with input.related as []
	count(gcp_sql_log_hostname.deny) == 1 with input.resource as instance("POSTGRES_15", []) with input.related as []
	count(gcp_sql_log_temp_files.deny) == 1 with input.resource as instance("POSTGRES_15", []) with input.related as []
	some result in gcp_sql_log_statement.deny with input.resource as instance("POSTGRES_15", []) with input.related as []
	result.path == ["settings", 0]
	contains(result.message, "log_statement is not set (default none)")
}

test_secure_defaults_pass if {
	count(gcp_sql_log_min_messages.deny) == 0 with input.resource as instance("POSTGRES_15", []) with input.related as []
	count(gcp_sql_log_min_error_statement.deny) == 0 with input.resource as instance("POSTGRES_15", []) with input.related as []
	count(gcp_sql_log_min_duration_statement.deny) == 0 with input.resource as instance("POSTGRES_15", []) with input.related as []
}

test_wrong_values_fail_at_the_value if {
	flags := [{"name": "log_min_messages", "value": "error"}, {"name": "log_min_duration_statement", "value": 500}, {"name": "log_statement", "value": "none"}, {"name": "log_min_error_statement", "value": "panic"}]
	some messages in gcp_sql_log_min_messages.deny with input.resource as instance("POSTGRES_14", flags) with input.related as []
	messages.path == ["settings", 0, "database_flags", 0, "value"]
	some duration in gcp_sql_log_min_duration_statement.deny with input.resource as instance("POSTGRES_14", flags) with input.related as []
	duration.path == ["settings", 0, "database_flags", 1, "value"]
	contains(duration.message, "is 500, required -1")
	some statement in gcp_sql_log_statement.deny with input.resource as instance("POSTGRES_14", flags) with input.related as []
	statement.path == ["settings", 0, "database_flags", 2, "value"]
	some errors in gcp_sql_log_min_error_statement.deny with input.resource as instance("POSTGRES_14", flags) with input.related as []
	errors.path == ["settings", 0, "database_flags", 3, "value"]
}

test_numbers_where_strings_are_expected if {
	flags := [{"name": "log_temp_files", "value": 0}, {"name": "log_min_duration_statement", "value": -1}]
	count(gcp_sql_log_temp_files.deny) == 0 with input.resource as instance("POSTGRES_15", flags) with input.related as []
	count(gcp_sql_log_min_duration_statement.deny) == 0 with input.resource as instance("POSTGRES_15", flags) with input.related as []
}

test_pulumi_object_settings_path if {
	flags := [{"name": "log_checkpoints", "value": "off"}]
	some result in gcp_sql_log_checkpoints.deny with input.resource as pulumi_instance("POSTGRES_15", flags) with input.related as []
	result.path == ["settings", "database_flags", 0, "value"]
	some missing in gcp_sql_log_lock_waits.deny with input.resource as pulumi_instance("POSTGRES_15", flags) with input.related as []
	missing.path == ["settings"]
}

test_unknown_value_fails_at_its_path_for_the_engine_to_call_undetermined if {
	flags := [{"name": "log_checkpoints", "value": testing.unknown}]
	some result in gcp_sql_log_checkpoints.deny with input.resource as instance("POSTGRES_15", flags) with input.related as []
	result.path == ["settings", 0, "database_flags", 0, "value"]
}

test_unknown_flag_list_is_undetermined if {
	resource := testing.resource("google_sql_database_instance", {
		"database_version": "POSTGRES_15",
		"settings": [{"tier": "db-f1-micro", "database_flags": testing.unknown}],
	})
	results := gcp_sql_log_checkpoints.deny with input.resource as resource with input.related as []
	count(results) == 1
	some result in results
	result.status == "undetermined"
	result.path == ["settings", 0, "database_flags"]
}

test_unknown_version_is_undetermined_never_a_pass if {
	results := gcp_sql_log_hostname.deny with input.resource as instance(testing.unknown, []) with input.related as []
	count(results) == 1
	some result in results
	result.status == "undetermined"
	count(gcp_sql_log_hostname.deny) == 0 with input.resource as instance(testing.unknown, compliant) with input.related as []
}

test_other_engines_are_not_applicable if {
	some result in gcp_sql_log_checkpoints.deny with input.resource as instance("MYSQL_8_0", []) with input.related as []
	result.not_applicable
	count(gcp_sql_log_temp_files.deny) == 1 with input.resource as instance("SQLSERVER_2022_STANDARD", []) with input.related as []
}
