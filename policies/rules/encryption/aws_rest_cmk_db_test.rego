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

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): past the 4 GB a test file may use (crashed) with the calls and `[]`
# written there, 2.08 GB with variables, 1.12 GB so.

rest_cmk_db_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

rest_cmk_db_res(type_name, attributes) := testing.resource(type_name, attributes)

test_dms if {
	subject := rest_cmk_db_res("aws_dms_endpoint", {"kms_key_arn": "alias/aws/dms"})
	count(aws_rest_dms_endpoint_cmk.deny) == 1 with input.resource as subject
	subject2 := rest_cmk_db_res("aws_dms_endpoint", {"kms_key_arn": rest_cmk_db_key})
	count(aws_rest_dms_endpoint_cmk.deny) == 0 with input.resource as subject2
	subject3 := rest_cmk_db_res("aws_dms_replication_instance", {})
	count(aws_rest_dms_replication_instance_cmk.deny) == 1 with input.resource as subject3
	subject4 := rest_cmk_db_res("aws_dms_replication_instance", {"kms_key_arn": rest_cmk_db_key})
	count(aws_rest_dms_replication_instance_cmk.deny) == 0 with input.resource as subject4
}

test_database_keys_and_sources if {
	subject := rest_cmk_db_res("aws_db_instance", {"storage_encrypted": true})
	count(aws_rest_rds_instance_cmk.deny) == 1 with input.resource as subject
	subject2 := rest_cmk_db_res("aws_db_instance", {"kms_key_id": rest_cmk_db_key})
	count(aws_rest_rds_instance_cmk.deny) == 0 with input.resource as subject2
	subject3 := rest_cmk_db_res("aws_db_instance", {"replicate_source_db": "primary"})
	some replica in aws_rest_rds_instance_cmk.deny with input.resource as subject3
	replica.status == "undetermined"
	subject4 := rest_cmk_db_res("aws_rds_cluster", {"global_cluster_identifier": "g"})
	some secondary in aws_rest_rds_cluster_cmk.deny with input.resource as subject4
	secondary.status == "undetermined"
	subject5 := rest_cmk_db_res("aws_rds_cluster", {"kms_key_id": "alias/aws/rds", "snapshot_identifier": "s"})
	count(aws_rest_rds_cluster_cmk.deny) == 1 with input.resource as subject5
	subject6 := rest_cmk_db_res("aws_docdb_cluster", {"snapshot_identifier": "s"})
	some restored in aws_rest_docdb_cmk.deny with input.resource as subject6
	restored.status == "undetermined"
	subject7 := rest_cmk_db_res("aws_docdb_cluster", {"kms_key_id": rest_cmk_db_key})
	count(aws_rest_docdb_cmk.deny) == 0 with input.resource as subject7
	subject8 := rest_cmk_db_res("aws_neptune_cluster", {"kms_key_arn": "alias/aws/rds"})
	count(aws_rest_neptune_cmk.deny) == 1 with input.resource as subject8
	subject9 := rest_cmk_db_res("aws_neptune_cluster", {"kms_key_arn": rest_cmk_db_key})
	count(aws_rest_neptune_cmk.deny) == 0 with input.resource as subject9
}

test_performance_insights if {
	subject := rest_cmk_db_res("aws_db_instance", {"performance_insights_enabled": true})
	some result in aws_rest_rds_performance_insights_cmk.deny with input.resource as subject
	result.path == ["performance_insights_kms_key_id"]
	subject2 := rest_cmk_db_res("aws_db_instance", {"performance_insights_enabled": true, "performance_insights_kms_key_id": rest_cmk_db_key})
	count(aws_rest_rds_performance_insights_cmk.deny) == 0 with input.resource as subject2
	subject3 := rest_cmk_db_res("aws_db_instance", {})
	{"not_applicable": true} in aws_rest_rds_performance_insights_cmk.deny with input.resource as subject3
	subject4 := rest_cmk_db_res("aws_db_instance", {"performance_insights_enabled": testing.unknown})
	not {"not_applicable": true} in aws_rest_rds_performance_insights_cmk.deny with input.resource as subject4
}

# CloudFormation AWS::RDS::DBInstance in an Aurora cluster: the cluster's key, judged on the cluster.
test_rds_instance_cmk_aurora_cluster_member_is_not_judged if {
	subject := testing.resource("aws_db_instance", {"engine": "aurora-postgresql", "db_cluster_identifier": "ledger"})
	{"not_applicable": true} in aws_rest_rds_instance_cmk.deny with input.resource as subject
}
