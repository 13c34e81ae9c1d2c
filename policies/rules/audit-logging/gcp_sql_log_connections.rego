# LOG-GCPSQL-001: Cloud SQL for PostgreSQL instances log connections and disconnections.
package iacgate.rules.audit_logging.gcp_sql_log_connections

import data.iacgate.lib.gcp_log
import rego.v1

# Both flags default to off in Cloud SQL for PostgreSQL. An unknown version, flag list or value is
# undetermined (policies/lib/gcp_log.rego); MySQL and SQL Server instances get no check.
deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_connections", {"on"}, false, "does not log connections", "on")
}

deny contains result if {
	some result in gcp_log.gcp_log_flag_results("log_disconnections", {"on"}, false, "does not log disconnections", "on")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
