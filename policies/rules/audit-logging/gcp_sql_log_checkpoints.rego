# LOG-GCPSQL-003: Cloud SQL for PostgreSQL instances set the database flag log_checkpoints (on).
package iacgate.rules.audit_logging.gcp_sql_log_checkpoints

import data.iacgate.lib.gcp_log
import rego.v1

accepted := {"on"}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_checkpoints", accepted, false, "does not log checkpoints", "on")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
