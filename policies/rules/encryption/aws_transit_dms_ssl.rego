# ENC-DMS-101: DMS endpoints of database engines connect with TLS (ssl_mode not none).
package iacgate.rules.encryption.aws_transit_dms_ssl

import data.iacgate.lib
import rego.v1

# Engines that speak their own database protocol, where ssl_mode chooses TLS; S3, DynamoDB, Kinesis,
# OpenSearch, Kafka and Neptune endpoints reach AWS APIs over HTTPS and take no ssl_mode, and DMS always
# connects to Redshift over SSL.
database_engines := {
	"aurora", "aurora-postgresql", "aurora-serverless", "aurora-postgresql-serverless", "azuredb",
	"azure-sql-managed-instance", "babelfish", "db2", "db2-zos", "docdb", "mariadb", "mongodb", "mysql",
	"oracle", "postgres", "sqlserver", "sybase",
}

engine := lower(value) if {
	value := lib.attr("engine_name")
	is_string(value)
}

deny contains {"not_applicable": true} if {
	engine
	not engine in database_engines
}

# ssl_mode defaults to none: the endpoint moves the data (and the database password) in clear text.
deny contains lib.violation(["ssl_mode"], msg) if {
	engine in database_engines
	value := lib.attr("ssl_mode")
	not transit_dms_encrypted(value)
	msg := concat("", [
		"DMS endpoint connects to its database without TLS: ssl_mode is ", lib.show(value),
		transit_dms_default(value), ", required require, verify-ca or verify-full",
	])
}

# An engine not known statically may be a database: undetermined unless TLS is on anyway.
deny contains lib.undetermined(["engine_name"], "DMS endpoint engine_name is unknown until apply: cannot tell whether ssl_mode applies") if {
	lib.is_unknown(lib.attr("engine_name"))
	not transit_dms_encrypted(lib.attr("ssl_mode"))
}

transit_dms_encrypted(value) if {
	is_string(value)
	lower(value) in {"require", "verify-ca", "verify-full"}
}

transit_dms_default(value) := " (none when not set)" if {
	not lib.is_set(value)
} else := ""
