# LOG-GCPSQL-001: Cloud SQL for PostgreSQL instances log connections and disconnections.
package iacgate.rules.audit_logging.gcp_sql_log_connections

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# Both flags default to off in Cloud SQL for PostgreSQL.
required_flags := ["log_connections", "log_disconnections"]

deny contains lib.violation(["settings", 0, "database_flags", flag.index, "value"], msg) if {
	gcp.sql_engine == "postgres"
	some name in required_flags
	flag := gcp.sql_flags[name]
	not lib.is_unknown(flag.value)
	gcp.flag_text(flag.value) != "on"
	msg := concat("", ["PostgreSQL instance does not log ", name, ": database flag ", name, " is ", lib.show(flag.value), ", required on"])
}

deny contains lib.violation(path, msg) if {
	gcp.sql_engine == "postgres"
	some name in required_flags
	not gcp.sql_flags[name]
	path := missing_path
	msg := concat("", ["PostgreSQL instance does not log ", name, ": database flag ", name, " is not set (default off), required on"])
}

missing_path := ["settings", 0] if {
	gcp.sql_settings != {}
} else := []
