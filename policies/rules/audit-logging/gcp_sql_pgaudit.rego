# LOG-GCPSQL-002: Cloud SQL for PostgreSQL instances enable pgAudit.
package iacgate.rules.audit_logging.gcp_sql_pgaudit

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

flag_name := "cloudsql.enable_pgaudit"

deny contains lib.violation(["settings", 0, "database_flags", flag.index, "value"], msg) if {
	gcp.sql_engine == "postgres"
	flag := gcp.sql_flags[flag_name]
	not lib.is_unknown(flag.value)
	gcp.flag_text(flag.value) != "on"
	msg := concat("", ["PostgreSQL instance has no pgAudit: database flag cloudsql.enable_pgaudit is ", lib.show(flag.value), ", required on"])
}

deny contains lib.violation(path, msg) if {
	gcp.sql_engine == "postgres"
	not gcp.sql_flags[flag_name]
	path := missing_path
	msg := "PostgreSQL instance has no pgAudit: database flag cloudsql.enable_pgaudit is not set (default off), required on"
}

missing_path := ["settings", 0] if {
	gcp.sql_settings != {}
} else := []
