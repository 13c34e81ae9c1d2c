# LOG-GCPSQL-004: Cloud SQL for PostgreSQL instances set the database flag log_lock_waits (on).
package iacgate.rules.audit_logging.gcp_sql_log_lock_waits

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"on"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_lock_waits", accepted, false, "does not log lock waits", "on")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
