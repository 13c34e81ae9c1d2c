# LOG-GCPSQL-005: Cloud SQL for PostgreSQL instances set the database flag log_min_messages (warning or a more detailed level (debug5 to notice)).
package iacgate.rules.audit_logging.gcp_sql_log_min_messages

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_min_messages", accepted, true, "does not log warnings", "warning or a more detailed level (debug5 to notice)")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
