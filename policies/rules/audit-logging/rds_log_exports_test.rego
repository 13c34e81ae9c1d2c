package iacgate.rules.audit_logging.rds_log_exports_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.rds_log_exports
import rego.v1

test_postgres_exports_pass if {
	count(rds_log_exports.deny) == 0 with input.resource as testing.resource("aws_db_instance", {"engine": "postgres", "enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"]})
		with input.related as []
}

test_aurora_postgresql_cluster_passes if {
	count(rds_log_exports.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": ["postgresql"]})
		with input.related as []
}

test_no_exports_fail_once if {
	count(rds_log_exports.deny) == 1 with input.resource as testing.resource("aws_db_instance", {"engine": "mysql", "enabled_cloudwatch_logs_exports": []})
		with input.related as []
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": "mysql", "enabled_cloudwatch_logs_exports": []})
		with input.related as []
	result.path == ["enabled_cloudwatch_logs_exports"]
}

test_missing_audit_log_of_mysql_fails if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["error", "slowquery"]})
		with input.related as []
	result.message == "database does not export the audit logs of engine mysql to CloudWatch Logs: enabled_cloudwatch_logs_exports is [\"error\", \"slowquery\"]"
}

test_other_engines_need_one_export if {
	count(rds_log_exports.deny) == 0 with input.resource as testing.resource("aws_db_instance", {"engine": "db2-se", "enabled_cloudwatch_logs_exports": ["diag.log"]})
		with input.related as []
}

test_neptune_through_the_rds_api_needs_the_audit_log if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_rds_cluster", {"engine": "neptune", "enabled_cloudwatch_logs_exports": ["slowquery"]})
		with input.related as []
	contains(result.message, "does not export the audit logs of engine neptune")
}

test_neptune_audit_export_passes if {
	count(rds_log_exports.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine": "neptune", "enabled_cloudwatch_logs_exports": ["audit"]})
		with input.related as []
}

test_docdb_through_the_rds_api_needs_audit_and_profiler if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_rds_cluster", {"engine": "docdb", "enabled_cloudwatch_logs_exports": ["audit"]})
		with input.related as []
	contains(result.message, "does not export the profiler logs of engine docdb")
}

# Issue 16 §2: an aws_rds_cluster without engine is Aurora MySQL (engine "aurora" before AWS provider 5).
test_cluster_without_engine_needs_aurora_mysql_logs if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_rds_cluster", {"enabled_cloudwatch_logs_exports": ["slowquery"]})
		with input.related as []
	result.message == "database does not export the audit, error logs of engine aurora to CloudWatch Logs: enabled_cloudwatch_logs_exports is [\"slowquery\"]"
}

test_cluster_without_engine_with_audit_and_error_passes if {
	count(rds_log_exports.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"enabled_cloudwatch_logs_exports": ["audit", "error"]})
		with input.related as []
}

test_aurora_mysql_in_capitals_needs_audit if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_rds_cluster", {"engine": "Aurora-MySQL", "enabled_cloudwatch_logs_exports": ["error"]})
		with input.related as []
	contains(result.message, "audit logs of engine aurora-mysql")
}

# A Multi-AZ DB cluster of RDS for MySQL cannot export an audit log: error and general.
test_multi_az_mysql_cluster_needs_error_and_general if {
	count(rds_log_exports.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["error", "general", "slowquery"]})
		with input.related as []
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_rds_cluster", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["error"]})
		with input.related as []
	contains(result.message, "the general logs of engine mysql")
}

test_unknown_engine_is_reported_at_engine if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": {"__unknown__": "variable 'engine' has no value"}, "enabled_cloudwatch_logs_exports": ["error"]})
		with input.related as []
	result.path == ["engine"]
}

test_unknown_exports_are_reported_at_their_path if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": "postgres", "enabled_cloudwatch_logs_exports": testing.unknown})
		with input.related as []
	result.path == ["enabled_cloudwatch_logs_exports"]
}

test_unknown_entry_is_undetermined if {
	some result in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["audit", testing.unknown]})
		with input.related as []
	result.status == "undetermined"
}

# CloudFormation AWS::RDS::DBInstance in an Aurora cluster: the cluster exports the logs.
test_aurora_cluster_member_is_not_judged if {
	{"not_applicable": true} in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": "aurora-mysql", "db_cluster_identifier": "ledger"})
		with input.related as []
}

test_instance_of_a_conditional_cluster_is_judged if {
	not {"not_applicable": true} in rds_log_exports.deny with input.resource as testing.resource("aws_db_instance", {"engine": "mysql", "db_cluster_identifier": {"__unknown__": "Fn::If on condition InCluster, which cannot be evaluated"}})
		with input.related as []
}
