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
