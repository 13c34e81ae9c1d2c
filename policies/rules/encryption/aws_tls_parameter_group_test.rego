package iacgate.rules.encryption.aws_tls_parameter_group_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_tls_rds_force_ssl as rds_rule
import data.iacgate.rules.encryption.aws_tls_redshift_require_ssl as redshift_rule
import rego.v1

tls_test_redshift(attributes) := testing.resource("aws_redshift_parameter_group", attributes)

tls_test_db_group(family, parameters) := testing.resource(
	"aws_db_parameter_group",
	{"family": family, "parameter": parameters},
)

test_redshift_require_ssl_false_fails if {
	some result in redshift_rule.deny with input.resource as tls_test_redshift({
		"parameter": [{"name": "require_ssl", "value": "false"}],
	})
		with input.related as []
	result.path == ["parameter", 0, "value"]
	contains(result.message, "require_ssl is false")
}

test_redshift_without_require_ssl_fails if {
	some result in redshift_rule.deny with input.resource as tls_test_redshift({
		"parameter": [{"name": "enable_user_activity_logging", "value": "true"}],
	})
		with input.related as []
	result.path == []
}

test_redshift_cloudformation_pairs_pass if {
	count(redshift_rule.deny) == 0 with input.resource as tls_test_redshift({
		"parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}],
	})
		with input.related as []
}

test_postgres14_without_force_ssl_fails if {
	count(rds_rule.deny) == 1 with input.resource as tls_test_db_group("postgres14", [])
		with input.related as []
}

test_postgres16_default_passes if {
	count(rds_rule.deny) == 0 with input.resource as tls_test_db_group("postgres16", [])
		with input.related as []
}

test_postgres16_switched_off_fails if {
	some result in rds_rule.deny with input.resource as tls_test_db_group(
		"postgres16",
		[{"name": "rds.force_ssl", "value": "0"}],
	)
		with input.related as []
	result.path == ["parameter", 0, "value"]
}

test_mysql_cloudformation_map_passes if {
	count(rds_rule.deny) == 0 with input.resource as testing.resource(
		"aws_rds_cluster_parameter_group",
		{"family": "aurora-mysql8.0", "parameters": {"require_secure_transport": "ON"}},
	)
		with input.related as []
}

test_mysql_cloudformation_map_off_fails if {
	some result in rds_rule.deny with input.resource as testing.resource(
		"aws_db_parameter_group",
		{"family": "mysql8.0", "parameters": {"require_secure_transport": "OFF"}},
	)
		with input.related as []
	result.path == ["parameters", "require_secure_transport"]
}

test_oracle_is_not_judged if {
	rds_rule.deny == {{"not_applicable": true}} with input.resource as tls_test_db_group("oracle-ee-19", [])
		with input.related as []
}

test_aurora_instance_group_is_not_judged if {
	{"not_applicable": true} in rds_rule.deny with input.resource as tls_test_db_group("aurora-postgresql16", [])
		with input.related as []
}

test_mariadb118_default_passes if {
	count(rds_rule.deny) == 0 with input.resource as tls_test_db_group("mariadb11.8", [])
		with input.related as []
}

test_mariadb114_without_parameter_fails if {
	some result in rds_rule.deny with input.resource as tls_test_db_group("mariadb11.4", [])
		with input.related as []
	result.path == []
}

test_missing_family_is_not_judged if {
	count(rds_rule.deny) == 0 with input.resource as testing.resource("aws_db_parameter_group", {})
		with input.related as []
}
