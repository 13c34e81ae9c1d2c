# ENC-RDS-003: RDS and Aurora parameter groups make the engine refuse unencrypted connections.
package iacgate.rules.encryption.aws_tls_rds_force_ssl

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

family := lower(value) if {
	value := lib.attr("family")
	is_string(value)
}

# The parameter that forces TLS on the engine family, and whether the family's default already does.
# PostgreSQL and SQL Server use rds.force_ssl, MySQL, MariaDB and Aurora MySQL require_secure_transport.
# RDS for PostgreSQL 15 and later defaults rds.force_ssl to 1, RDS for MariaDB 11.8 and later
# require_secure_transport to ON. Oracle and Db2 configure TLS through option groups and listeners, not a
# parameter, and are not judged.
control := {"parameter": "rds.force_ssl", "secure_default": postgres_forces_by_default} if {
	startswith(family, "postgres")
} else := {"parameter": "rds.force_ssl", "secure_default": false} if {
	startswith(family, "aurora-postgresql")
} else := {"parameter": "rds.force_ssl", "secure_default": false} if {
	startswith(family, "sqlserver")
} else := {"parameter": "require_secure_transport", "secure_default": mariadb_requires_by_default} if {
	startswith(family, "mariadb")
} else := {"parameter": "require_secure_transport", "secure_default": false} if {
	some prefix in ["mysql", "aurora-mysql", "aurora5.6"]
	startswith(family, prefix)
}

# RDS for MariaDB 11.8 and later defaults require_secure_transport to ON (11.4 and earlier: OFF).
mariadb_requires_by_default := true if {
	parts := regex.find_all_string_submatch_n(`^mariadb([0-9]+)\.([0-9]+)$`, family, 1)
	count(parts) == 1
	major := to_number(parts[0][1])
	minor := to_number(parts[0][2])
	mariadb_at_least_11_8(major, minor)
} else := false

mariadb_at_least_11_8(major, _) if major > 11

mariadb_at_least_11_8(major, minor) if {
	major == 11
	minor >= 8
}

# Not concerned: a known family whose engine has no such parameter (Oracle, Db2, RDS Custom), and an
# Aurora DB instance parameter group, since rds.force_ssl and require_secure_transport are cluster-level
# parameters on Aurora, set in the aws_rds_cluster_parameter_group that the cluster uses.
deny contains {"not_applicable": true} if {
	is_string(family)
	not control
}

deny contains {"not_applicable": true} if {
	input.resource.type == "aws_db_parameter_group"
	startswith(family, "aurora")
}

postgres_forces_by_default := to_number(trim_prefix(family, "postgres")) >= 15 if {
	regex.match(`^postgres[0-9]+$`, family)
} else := false

deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter(control.parameter)
	lib.is_set(setting.value)
	not lib.is_unknown(setting.value)
	not aws_tls.tls_switched_on(setting.value)
	msg := concat("", [
		"database parameter group accepts unencrypted connections: ", control.parameter, " is ",
		lib.show(setting.value), ", required 1 (ON)",
	])
}

deny contains lib.violation([], msg) if {
	setting := aws_tls.tls_parameter(control.parameter)
	not lib.is_set(setting.value)
	not control.secure_default
	msg := concat("", [
		"database parameter group accepts unencrypted connections: ", control.parameter, " is not set (off by ",
		"default for ", family, "), required 1 (ON)",
	])
}

# Unknown until apply: the parameter (or all parameters) of a judged family, or the family itself when the
# group does not switch either parameter on. Undetermined, never a pass.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter(control.parameter)
	lib.is_unknown(setting.value)
	msg := concat("", ["database parameter group TLS setting is unknown: ", control.parameter, " is unknown until apply, required 1 (ON)"])
}

deny contains lib.violation(["family"], msg) if {
	lib.is_unknown(lib.attr("family"))
	not both_parameters_switched_on
	msg := "database parameter group engine family is unknown until apply: cannot tell whether rds.force_ssl or require_secure_transport must be set, required 1 (ON)"
}

both_parameters_switched_on if {
	every name in ["rds.force_ssl", "require_secure_transport"] {
		aws_tls.tls_switched_on(aws_tls.tls_parameter(name).value)
	}
}
