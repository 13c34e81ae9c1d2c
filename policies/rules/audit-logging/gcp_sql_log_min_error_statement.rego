# LOG-GCPSQL-006: Cloud SQL for PostgreSQL instances set the database flag log_min_error_statement (error or a more detailed level (debug5 to warning)).
package iacgate.rules.audit_logging.gcp_sql_log_min_error_statement

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_min_error_statement", accepted, true, "does not log the statements that cause errors", "error or a more detailed level (debug5 to warning)")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
