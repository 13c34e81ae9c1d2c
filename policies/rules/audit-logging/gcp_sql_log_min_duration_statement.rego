# LOG-GCPSQL-007: Cloud SQL for PostgreSQL instances set the database flag log_min_duration_statement (-1 (statement durations, which carry statement text and parameters, not logged)).
package iacgate.rules.audit_logging.gcp_sql_log_min_duration_statement

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"-1"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_min_duration_statement", accepted, true, "logs statement text with durations", "-1 (statement durations, which carry statement text and parameters, not logged)")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
