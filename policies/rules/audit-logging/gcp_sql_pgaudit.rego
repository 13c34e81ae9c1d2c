# LOG-GCPSQL-002: Cloud SQL for PostgreSQL instances enable pgAudit.
package iacgate.rules.audit_logging.gcp_sql_pgaudit

import data.iacgate.lib.gcp_log
import rego.v1

# Off by default. An unknown version, flag list or value is undetermined (policies/lib/gcp_log.rego);
# MySQL and SQL Server instances get no check.
deny contains result if {
	some result in gcp_log.gcp_log_flag_results("cloudsql.enable_pgaudit", {"on"}, false, "has no pgAudit", "on")
}

deny contains {"not_applicable": true} if gcp_log.not_postgres
