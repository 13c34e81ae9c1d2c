# Unit tests of the aws_rest database key rules on databases created from a source (restores to a point in
# time), which keep the source's key when they name none.
package iacgate.rules.encryption.aws_rest_databases_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_dms_replication_instance_cmk
import data.iacgate.rules.encryption.aws_rest_docdb_cmk
import data.iacgate.rules.encryption.aws_rest_elasticache_cmk
import data.iacgate.rules.encryption.aws_rest_keyspaces_cmk
import data.iacgate.rules.encryption.aws_rest_neptune_cmk
import data.iacgate.rules.encryption.aws_rest_rds_cluster_cmk
import data.iacgate.rules.encryption.aws_rest_rds_instance_cmk
import data.iacgate.rules.encryption.aws_rest_rds_performance_insights_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

rest_db_point_in_time := [{"source_cluster_identifier": "ledger-prod", "use_latest_restorable_time": true}]

test_rds_instance_cmk_restored_to_point_in_time_is_undetermined if {
	subject := testing.resource("aws_db_instance", {"restore_to_point_in_time": [{"source_db_instance_identifier": "ledger-prod"}]})
	some result in aws_rest_rds_instance_cmk.deny with input.resource as subject
	result.status == "undetermined"
	result.path == ["kms_key_id"]
}

# CloudFormation SourceDbiResourceId, SourceDBInstanceAutomatedBackupsArn: top-level sources of a restore.
test_rds_instance_cmk_cloudformation_restore_sources_are_undetermined if {
	subject := testing.resource("aws_db_instance", {"source_dbi_resource_id": "db-ABCDEFGHIJKLMNOP"})
	some result in aws_rest_rds_instance_cmk.deny with input.resource as subject
	result.status == "undetermined"
}

test_rds_instance_cmk_restored_with_aws_managed_key_fails if {
	subject := testing.resource("aws_db_instance", {"kms_key_id": "alias/aws/rds", "source_db_instance_automated_backups_arn": "arn:aws:rds:eu-central-1:482913057716:auto-backup:ab-1"})
	some result in aws_rest_rds_instance_cmk.deny with input.resource as subject
	not result.status == "undetermined"
	contains(result.message, "alias/aws/rds")
}

test_rds_cluster_cmk_restored_to_point_in_time_is_undetermined if {
	subject := testing.resource("aws_rds_cluster", {"restore_to_point_in_time": rest_db_point_in_time})
	some result in aws_rest_rds_cluster_cmk.deny with input.resource as subject
	result.status == "undetermined"
	contains(result.message, "restore_to_point_in_time")
}

test_rds_cluster_cmk_cloudformation_source_cluster_is_undetermined if {
	subject := testing.resource("aws_rds_cluster", {"source_db_cluster_identifier": "ledger-prod"})
	some result in aws_rest_rds_cluster_cmk.deny with input.resource as subject
	result.status == "undetermined"
}

test_docdb_cmk_restored_to_point_in_time_is_undetermined if {
	subject := testing.resource("aws_docdb_cluster", {"restore_to_point_in_time": rest_db_point_in_time})
	some result in aws_rest_docdb_cmk.deny with input.resource as subject
	result.status == "undetermined"
}

test_neptune_cmk_cloudformation_source_cluster_is_undetermined if {
	subject := testing.resource("aws_neptune_cluster", {"source_db_cluster_identifier": "graph-prod"})
	some result in aws_rest_neptune_cmk.deny with input.resource as subject
	result.status == "undetermined"
	result.path == ["kms_key_arn"]
}

test_elasticache_serverless_cache_without_key_fails if {
	subject := testing.resource("aws_elasticache_serverless_cache", {"engine": "valkey"})
	some result in aws_rest_elasticache_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
	startswith(result.message, "ElastiCache serverless cache is not encrypted")
}

test_elasticache_serverless_cache_with_customer_key_passes if {
	subject := testing.resource("aws_elasticache_serverless_cache", {"kms_key_id": "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"})
	count(aws_rest_elasticache_cmk.deny) == 0 with input.resource as subject
}

test_docdb_elastic_cluster_without_key_fails if {
	subject := testing.resource("aws_docdb_elastic_cluster", {"shard_count": 1})
	some result in aws_rest_docdb_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
	startswith(result.message, "DocumentDB elastic cluster is not encrypted")
}

# CloudFormation AWS::Cassandra::Table: EncryptionSpecification.EncryptionType, not type.
rest_db_cassandra_table(specification) := object.union(
	testing.resource("aws_keyspaces_table", {"encryption_specification": specification}),
	{"format": "cloudformation"},
)

test_keyspaces_cloudformation_customer_managed_key_passes if {
	subject := rest_db_cassandra_table({"encryption_type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_identifier": "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"})
	count(aws_rest_keyspaces_cmk.deny) == 0 with input.resource as subject
}

test_keyspaces_cloudformation_aws_owned_key_fails if {
	subject := rest_db_cassandra_table({"encryption_type": "AWS_OWNED_KMS_KEY"})
	some result in aws_rest_keyspaces_cmk.deny with input.resource as subject
	result.path == ["encryption_specification", "encryption_type"]
}

test_dms_serverless_replication_without_key_fails if {
	subject := testing.resource("aws_dms_replication_config", {"compute_config": [{"max_capacity_units": 16}]})
	some result in aws_rest_dms_replication_instance_cmk.deny with input.resource as subject
	result.path == ["compute_config", 0, "kms_key_id"]
	startswith(result.message, "DMS Serverless replication is not encrypted")
}

test_dms_serverless_replication_with_customer_key_passes if {
	subject := testing.resource("aws_dms_replication_config", {"compute_config": [{"kms_key_id": "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"}]})
	count(aws_rest_dms_replication_instance_cmk.deny) == 0 with input.resource as subject
}

# Performance Insights switched by a variable: it may stay off, so a missing key is undetermined.
test_performance_insights_unknown_switch_without_key_is_undetermined if {
	subject := testing.resource("aws_db_instance", {"performance_insights_enabled": testing.unknown})
	some result in aws_rest_rds_performance_insights_cmk.deny with input.resource as subject
	result.status == "undetermined"
	result.path == ["performance_insights_kms_key_id"]
}

test_performance_insights_on_without_key_fails if {
	subject := testing.resource("aws_rds_cluster_instance", {"performance_insights_enabled": true})
	some result in aws_rest_rds_performance_insights_cmk.deny with input.resource as subject
	not result.status == "undetermined"
}
