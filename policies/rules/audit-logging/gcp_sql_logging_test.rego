package iacgate.rules.audit_logging.gcp_sql_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_sql_log_connections
import data.iacgate.rules.audit_logging.gcp_sql_pgaudit
import rego.v1

flags_instance(version, flags) := testing.resource("google_sql_database_instance", {
	"database_version": version,
	"settings": [{"tier": "db-custom-2-7680", "database_flags": flags}],
})

all_flags := [
	{"name": "log_connections", "value": "on"},
	{"name": "log_disconnections", "value": "on"},
	{"name": "cloudsql.enable_pgaudit", "value": "on"},
]

test_postgres_with_flags_passes if {
	count(gcp_sql_log_connections.deny) == 0 with input.resource as flags_instance("POSTGRES_15", all_flags) with input.related as []
	count(gcp_sql_pgaudit.deny) == 0 with input.resource as flags_instance("POSTGRES_15", all_flags) with input.related as []
}

test_flag_off_fails_at_its_value if {
	flags := [{"name": "log_connections", "value": "off"}, {"name": "log_disconnections", "value": "on"}]
	results := gcp_sql_log_connections.deny with input.resource as flags_instance("POSTGRES_14", flags) with input.related as []
	count(results) == 1
	some result in results
	result.path == ["settings", 0, "database_flags", 0, "value"]
	contains(result.message, "off")
}

test_flags_missing_fail if {
	count(gcp_sql_log_connections.deny) == 2 with input.resource as flags_instance("POSTGRES_15", []) with input.related as []
	count(gcp_sql_pgaudit.deny) == 1 with input.resource as flags_instance("POSTGRES_15", []) with input.related as []
}

test_pgaudit_off_fails if {
	flags := [{"name": "cloudsql.enable_pgaudit", "value": "off"}]
	some result in gcp_sql_pgaudit.deny with input.resource as flags_instance("POSTGRES_15", flags) with input.related as []
	result.path == ["settings", 0, "database_flags", 0, "value"]
}

test_mysql_is_not_judged if {
	some connections in gcp_sql_log_connections.deny with input.resource as flags_instance("MYSQL_8_0", []) with input.related as []
	connections.not_applicable
	some pgaudit in gcp_sql_pgaudit.deny with input.resource as flags_instance("MYSQL_8_0", []) with input.related as []
	pgaudit.not_applicable
}

test_unknown_value_or_version_is_never_a_pass if {
	flags := [{"name": "log_connections", "value": testing.unknown}, {"name": "log_disconnections", "value": "on"}]
	some result in gcp_sql_log_connections.deny with input.resource as flags_instance("POSTGRES_15", flags) with input.related as []
	result.path == ["settings", 0, "database_flags", 0, "value"]
	some version in gcp_sql_pgaudit.deny with input.resource as flags_instance(testing.unknown, []) with input.related as []
	version.status == "undetermined"
}
