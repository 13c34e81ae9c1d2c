package iacgate.rules.encryption.aws_rest_cmk_db_test

# The database rules of aws_rest_cmk_test, in a file of their own: regopy compiles every `with` of a test
# file against every rule the file imports, and the two halves together took 4.5 GB.
import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_dms_endpoint_cmk
import data.iacgate.rules.encryption.aws_rest_dms_replication_instance_cmk
import data.iacgate.rules.encryption.aws_rest_docdb_cmk
import data.iacgate.rules.encryption.aws_rest_neptune_cmk
import data.iacgate.rules.encryption.aws_rest_rds_cluster_cmk
import data.iacgate.rules.encryption.aws_rest_rds_instance_cmk
import data.iacgate.rules.encryption.aws_rest_rds_performance_insights_cmk
import rego.v1

rest_cmk_db_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

rest_cmk_db_res(type_name, attributes) := testing.resource(type_name, attributes)

test_dms if {
	count(aws_rest_dms_endpoint_cmk.deny) == 1 with input.resource as rest_cmk_db_res("aws_dms_endpoint", {"kms_key_arn": "alias/aws/dms"})
		with input.related as []
	count(aws_rest_dms_endpoint_cmk.deny) == 0 with input.resource as rest_cmk_db_res("aws_dms_endpoint", {"kms_key_arn": rest_cmk_db_key})
		with input.related as []
	count(aws_rest_dms_replication_instance_cmk.deny) == 1 with input.resource as rest_cmk_db_res("aws_dms_replication_instance", {})
		with input.related as []
	count(aws_rest_dms_replication_instance_cmk.deny) == 0 with input.resource as rest_cmk_db_res("aws_dms_replication_instance", {"kms_key_arn": rest_cmk_db_key})
		with input.related as []
}

test_database_keys_and_sources if {
	count(aws_rest_rds_instance_cmk.deny) == 1 with input.resource as rest_cmk_db_res("aws_db_instance", {"storage_encrypted": true})
		with input.related as []
	count(aws_rest_rds_instance_cmk.deny) == 0 with input.resource as rest_cmk_db_res("aws_db_instance", {"kms_key_id": rest_cmk_db_key})
		with input.related as []
	some replica in aws_rest_rds_instance_cmk.deny with input.resource as rest_cmk_db_res("aws_db_instance", {"replicate_source_db": "primary"})
		with input.related as []
	replica.status == "undetermined"
	some secondary in aws_rest_rds_cluster_cmk.deny with input.resource as rest_cmk_db_res("aws_rds_cluster", {"global_cluster_identifier": "g"})
		with input.related as []
	secondary.status == "undetermined"
	count(aws_rest_rds_cluster_cmk.deny) == 1 with input.resource as rest_cmk_db_res("aws_rds_cluster", {"kms_key_id": "alias/aws/rds", "snapshot_identifier": "s"})
		with input.related as []
	some restored in aws_rest_docdb_cmk.deny with input.resource as rest_cmk_db_res("aws_docdb_cluster", {"snapshot_identifier": "s"})
		with input.related as []
	restored.status == "undetermined"
	count(aws_rest_docdb_cmk.deny) == 0 with input.resource as rest_cmk_db_res("aws_docdb_cluster", {"kms_key_id": rest_cmk_db_key})
		with input.related as []
	count(aws_rest_neptune_cmk.deny) == 1 with input.resource as rest_cmk_db_res("aws_neptune_cluster", {"kms_key_arn": "alias/aws/rds"})
		with input.related as []
	count(aws_rest_neptune_cmk.deny) == 0 with input.resource as rest_cmk_db_res("aws_neptune_cluster", {"kms_key_arn": rest_cmk_db_key})
		with input.related as []
}

test_performance_insights if {
	some result in aws_rest_rds_performance_insights_cmk.deny with input.resource as rest_cmk_db_res("aws_db_instance", {"performance_insights_enabled": true})
		with input.related as []
	result.path == ["performance_insights_kms_key_id"]
	count(aws_rest_rds_performance_insights_cmk.deny) == 0 with input.resource as rest_cmk_db_res("aws_db_instance", {"performance_insights_enabled": true, "performance_insights_kms_key_id": rest_cmk_db_key})
		with input.related as []
	{"not_applicable": true} in aws_rest_rds_performance_insights_cmk.deny with input.resource as rest_cmk_db_res("aws_db_instance", {})
		with input.related as []
	not {"not_applicable": true} in aws_rest_rds_performance_insights_cmk.deny with input.resource as rest_cmk_db_res("aws_db_instance", {"performance_insights_enabled": testing.unknown})
		with input.related as []
}

# CloudFormation AWS::RDS::DBInstance in an Aurora cluster: the cluster's key, judged on the cluster.
test_rds_instance_cmk_aurora_cluster_member_is_not_judged if {
	{"not_applicable": true} in aws_rest_rds_instance_cmk.deny with input.resource as testing.resource("aws_db_instance", {"engine": "aurora-postgresql", "db_cluster_identifier": "ledger"})
		with input.related as []
}
