package iacgate.rules.encryption.rds_cluster_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.rds_cluster_encryption
import rego.v1

test_encrypted_cluster_passes if {
	count(rds_cluster_encryption.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine": "aurora-postgresql", "storage_encrypted": true})
		with input.related as []
}

test_serverless_v1_cluster_passes if {
	count(rds_cluster_encryption.deny) == 0 with input.resource as testing.resource("aws_rds_cluster", {"engine_mode": "serverless", "storage_encrypted": testing.unknown})
		with input.related as []
}

test_unencrypted_cluster_fails if {
	some result in rds_cluster_encryption.deny with input.resource as testing.resource("aws_rds_cluster", {"engine": "aurora-mysql", "storage_encrypted": false})
		with input.related as []
	result.path == ["storage_encrypted"]
}

test_computed_setting_is_reported_on_its_path if {
	some result in rds_cluster_encryption.deny with input.resource as testing.resource("aws_rds_cluster", {"engine_mode": "provisioned", "storage_encrypted": testing.unknown})
		with input.related as []
	contains(result.message, "unknown until apply")
}
