# LOG-GCPSQL-010: Cloud SQL for PostgreSQL instances set the database flag log_statement (ddl, mod or all).
package iacgate.rules.audit_logging.gcp_sql_log_statement

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"ddl", "mod", "all"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_statement", accepted, false, "does not log SQL statements", "ddl, mod or all")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
