# LOG-RDS-001: RDS instances and Aurora clusters export their audit-relevant logs to CloudWatch Logs.
package iacgate.rules.audit_logging.rds_log_exports

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# A DB instance of an Aurora cluster (CloudFormation DBClusterIdentifier) exports the cluster's logs,
# judged on the cluster: CloudFormation calls EnableCloudwatchLogsExports not applicable there.
deny contains {"not_applicable": true} if aws.rds_cluster_member

exports := lib.attr("enabled_cloudwatch_logs_exports")

# The engine. An aws_rds_cluster without one is Aurora MySQL: the engine argument defaulted to "aurora"
# (MySQL 5.6-compatible Aurora) before AWS provider 5, and the RDS API's aurora engine is Aurora MySQL.
engine := lower(lib.attr("engine")) if {
	is_string(lib.attr("engine"))
	lib.is_set(lib.attr("engine"))
} else := "aurora" if {
	input.resource.type == "aws_rds_cluster"
	not lib.is_set(lib.attr("engine"))
}

# The logs that hold the engine's audit trail, from the log types each engine can export (RDS API
# EnableCloudwatchLogsExports, "valid for each DB engine"):
#   Aurora MySQL (aurora, aurora-mysql) and RDS for MySQL / MariaDB instances: audit and error;
#   a Multi-AZ DB cluster of RDS for MySQL, which cannot export an audit log: error and general;
#   PostgreSQL and Aurora PostgreSQL: postgresql; Oracle: alert and audit; SQL Server: error;
#   Neptune and DocumentDB clusters declared through the RDS API: audit (and profiler for DocumentDB).
# Other engines (Db2) need at least one export.
required := {"audit", "error"} if {
	engine in {"aurora", "aurora-mysql", "mariadb"}
} else := {"error", "general"} if {
	engine == "mysql"
	input.resource.type == "aws_rds_cluster"
} else := {"audit", "error"} if {
	engine == "mysql"
} else := {"postgresql"} if {
	engine in {"postgres", "aurora-postgresql"}
} else := {"alert", "audit"} if {
	startswith(engine, "oracle")
} else := {"error"} if {
	startswith(engine, "sqlserver")
} else := {"audit"} if {
	engine == "neptune"
} else := {"audit", "profiler"} if {
	engine == "docdb"
} else := set()

deny contains lib.violation(["enabled_cloudwatch_logs_exports"], msg) if {
	not lib.is_set(exports)
	msg := concat("", ["database exports no logs to CloudWatch Logs: enabled_cloudwatch_logs_exports is ", lib.show(exports), ", required the logs of its engine"])
}

# An export list unknown until apply (a module variable): reported at its path, the engine calls it
# undetermined.
deny contains lib.violation(["enabled_cloudwatch_logs_exports"], msg) if {
	lib.is_unknown(exports)
	msg := concat("", ["database log exports cannot be told: enabled_cloudwatch_logs_exports is ", lib.show(exports), ", required the logs of its engine"])
}

# A list with an entry unknown until apply may hold the missing log: undetermined, not failed.
deny contains result if {
	is_array(exports)
	count(exports) > 0
	missing := required - {name | some name in exports}
	count(missing) > 0
	rds_log_exports_unknown_entry
	result := lib.undetermined(["enabled_cloudwatch_logs_exports"], concat("", [
		"database may not export the ", concat(", ", sort(missing)), " logs of engine ", engine,
		" to CloudWatch Logs: enabled_cloudwatch_logs_exports is ", lib.show(exports),
	]))
}

rds_log_exports_unknown_entry if {
	some name in exports
	lib.is_unknown(name)
}

deny contains lib.violation(["enabled_cloudwatch_logs_exports"], msg) if {
	is_array(exports)
	count(exports) > 0
	missing := required - {name | some name in exports}
	count(missing) > 0
	not rds_log_exports_unknown_entry

	# concat, not sprintf: inside sprintf's %s regopy 1.5.2 quotes some strings (one-element concat results).
	msg := concat("", [
		"database does not export the ", concat(", ", sort(missing)), " logs of engine ", engine,
		" to CloudWatch Logs: enabled_cloudwatch_logs_exports is ", lib.show(exports),
	])
}

# An engine unknown until apply (engine = var.engine) leaves the required logs unknown: undetermined.
deny contains lib.violation(["engine"], msg) if {
	lib.is_unknown(lib.attr("engine"))
	lib.is_set(exports)
	msg := concat("", [
		"database log exports cannot be judged: engine is ", lib.attr_text("engine"),
		", required the logs of its engine in enabled_cloudwatch_logs_exports (", lib.show(exports), ")",
	])
}
