# ENC-RDS-101: RDS and Aurora parameter groups accept TLS 1.2 or later only.
package iacgate.rules.encryption.aws_transit_rds_tls12

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

family := lower(value) if {
	value := lib.attr("family")
	is_string(value)
} else := ""

required := "required TLSv1.2 or TLSv1.3 only"

transit_rds_message(name, value) := concat("", [
	"database parameter group accepts TLS older than 1.2: ", name, " is ", lib.show(value), ", ", required,
])

# --- PostgreSQL and Aurora PostgreSQL: ssl_min_protocol_version, TLSv1.2 by default from PostgreSQL 12 ---

postgres if {
	some prefix in ["postgres", "aurora-postgresql"]
	startswith(family, prefix)
}

postgres_version := to_number(digits) if {
	digits := trim_prefix(trim_prefix(trim_prefix(family, "aurora-"), "postgresql"), "postgres")
	regex.match(`^[0-9]+$`, digits)
}

deny contains lib.violation(setting.path, transit_rds_message("ssl_min_protocol_version", setting.value)) if {
	postgres
	setting := aws_tls.tls_parameter("ssl_min_protocol_version")
	lib.is_set(setting.value)
	not transit_rds_modern_minimum(setting.value)
}

deny contains lib.violation([], msg) if {
	postgres
	not lib.is_set(aws_tls.tls_parameter("ssl_min_protocol_version").value)
	postgres_version < 12
	msg := concat("", [
		"database parameter group accepts TLS older than 1.2: ssl_min_protocol_version is not set (TLSv1 by default for ",
		family, "), ", required,
	])
}

transit_rds_modern_minimum(value) if {
	is_string(value)
	lower(value) in {"tlsv1.2", "tlsv1.3"}
}

# --- MySQL, MariaDB and Aurora MySQL: tls_version, a list; 5.7 accepts TLS 1.0 and 1.1 by default ---

mysql if {
	some prefix in ["mysql", "mariadb", "aurora-mysql", "aurora5.6"]
	startswith(family, prefix)
}

deny contains lib.violation(setting.path, transit_rds_message("tls_version", setting.value)) if {
	mysql
	setting := aws_tls.tls_parameter("tls_version")
	lib.is_set(setting.value)
	not transit_rds_modern_versions(setting.value)
}

deny contains lib.violation([], msg) if {
	family in {"mysql5.7", "aurora-mysql5.7", "aurora5.6"}
	not lib.is_set(aws_tls.tls_parameter("tls_version").value)
	msg := concat("", [
		"database parameter group accepts TLS older than 1.2: tls_version is not set (TLSv1,TLSv1.1,TLSv1.2 by ",
		"default for ", family, "), ", required,
	])
}

transit_rds_modern_versions(value) if {
	is_string(value)
	every version in split(value, ",") {
		trim_space(lower(version)) in {"tlsv1.2", "tlsv1.3"}
	}
}

# --- SQL Server: rds.tls10 and rds.tls11 switched on ---

deny contains lib.violation(setting.path, transit_rds_message(name, setting.value)) if {
	startswith(family, "sqlserver")
	some name in ["rds.tls10", "rds.tls11"]
	setting := aws_tls.tls_parameter(name)
	lib.is_set(setting.value)
	not transit_rds_tls_switched_off(setting.value)
}

# "default" leaves the protocol as the engine version ships it; only "enabled" (or a value not known
# statically) is judged.
transit_rds_tls_switched_off(value) if {
	is_string(value)
	lower(value) in {"disabled", "default"}
}

# Not concerned: a known family of an engine without these parameters (Oracle, Db2, RDS Custom), and an
# Aurora DB instance parameter group, since Aurora takes tls_version and ssl_min_protocol_version as
# cluster-level parameters (set in the aws_rds_cluster_parameter_group the cluster uses).
deny contains {"not_applicable": true} if {
	is_string(lib.attr("family"))
	not postgres
	not mysql
	not startswith(family, "sqlserver")
}

deny contains {"not_applicable": true} if {
	input.resource.type == "aws_db_parameter_group"
	startswith(family, "aurora")
}

# The family unknown until apply: which parameter sets the TLS floor cannot be told. Undetermined unless
# the group sets every engine's floor to TLS 1.2 or later.
deny contains lib.violation(["family"], msg) if {
	lib.is_unknown(lib.attr("family"))
	not every_floor_modern
	msg := concat("", ["database parameter group engine family is unknown until apply: cannot tell which TLS parameter applies, ", required])
}

every_floor_modern if {
	transit_rds_modern_minimum(aws_tls.tls_parameter("ssl_min_protocol_version").value)
	transit_rds_modern_versions(aws_tls.tls_parameter("tls_version").value)
	every name in ["rds.tls10", "rds.tls11"] {
		transit_rds_tls_switched_off(aws_tls.tls_parameter(name).value)
	}
}
