# LOG-GCPSQL-009: Cloud SQL for PostgreSQL instances set the database flag log_hostname (on).
package iacgate.rules.audit_logging.gcp_sql_log_hostname

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"on"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_hostname", accepted, false, "does not log client host names", "on")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
