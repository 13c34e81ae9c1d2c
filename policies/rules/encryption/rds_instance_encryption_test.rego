package iacgate.rules.encryption.rds_instance_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.rds_instance_encryption
import rego.v1

test_encrypted_instance_passes if {
	count(rds_instance_encryption.deny) == 0 with input.resource as testing.resource("aws_db_instance", {"storage_encrypted": true, "kms_key_id": testing.unknown})
		with input.related as []
}

test_unencrypted_instance_fails if {
	some result in rds_instance_encryption.deny with input.resource as testing.resource("aws_db_instance", {"storage_encrypted": false})
		with input.related as []
	result.path == ["storage_encrypted"]
	contains(result.message, "storage_encrypted is false")
}

test_missing_setting_fails if {
	some result in rds_instance_encryption.deny with input.resource as testing.resource("aws_db_instance", {"engine": "postgres"})
		with input.related as []
	contains(result.message, "not set")
}

# A source the instance is created from, of the instance's type, that it refers to through `attribute`.
rds_source(attribute, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(testing.resource("aws_db_instance", attributes), {"id": "aws_db_instance.primary"}),
}

rds_replica(attributes) := testing.resource("aws_db_instance", object.union({"instance_class": "db.r6g.large"}, attributes))

# CloudFormation AWS::RDS::DBInstance in an Aurora cluster: the cluster's encryption, judged on the cluster.
test_aurora_cluster_member_is_not_judged if {
	{"not_applicable": true} in rds_instance_encryption.deny with input.resource as rds_replica({"engine": "aurora-postgresql", "db_cluster_identifier": {"__unknown__": "Ref Cluster: the resource's physical id is known after deploy"}})
		with input.related as []
}

test_replica_of_a_source_outside_the_configuration_is_undetermined if {
	some result in rds_instance_encryption.deny with input.resource as rds_replica({"replicate_source_db": "arn:aws:rds:eu-west-1:123456789012:db:primary"})
		with input.related as []
	result.status == "undetermined"
	result.path == ["replicate_source_db"]
}

test_restore_from_a_snapshot_is_undetermined if {
	some result in rds_instance_encryption.deny with input.resource as rds_replica({"snapshot_identifier": "ledger-final", "storage_encrypted": false})
		with input.related as []
	result.status == "undetermined"
	result.path == ["snapshot_identifier"]
}

test_replica_of_an_encrypted_primary_passes if {
	count(rds_instance_encryption.deny) == 0 with input.resource as rds_replica({"replicate_source_db": testing.unknown})
		with input.related as [rds_source("replicate_source_db", {"storage_encrypted": true})]
}

test_replica_of_an_unencrypted_primary_fails if {
	some result in rds_instance_encryption.deny with input.resource as rds_replica({"replicate_source_db": testing.unknown})
		with input.related as [rds_source("replicate_source_db", {"storage_encrypted": false})]
	result.decided
	result.path == ["replicate_source_db"]
	contains(result.message, "whose storage is not encrypted")
}

test_replica_of_a_conditional_source_is_undetermined if {
	some result in rds_instance_encryption.deny with input.resource as rds_replica({"replicate_source_db": {"__unknown__": "conditional on var.dr"}})
		with input.related as [rds_source("replicate_source_db", {"storage_encrypted": false})]
	result.status == "undetermined"
}
