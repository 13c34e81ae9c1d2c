# LOG-GCPSQL-008: Cloud SQL for PostgreSQL instances set the database flag log_temp_files (0 (every temporary file)).
package iacgate.rules.audit_logging.gcp_sql_log_temp_files

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"0"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_temp_files", accepted, false, "does not log temporary files", "0 (every temporary file)")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
