package iacgate.rules.encryption.gcp_sql_cmek_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_sql_cmek
import rego.v1

test_instance_with_key_passes if {
	count(gcp_sql_cmek.deny) == 0 with input.resource as testing.resource("google_sql_database_instance", {"encryption_key_name": testing.unknown})
		with input.related as []
}

test_instance_without_key_fails_at_resource if {
	some result in gcp_sql_cmek.deny with input.resource as testing.resource("google_sql_database_instance", {"database_version": "POSTGRES_15"})
		with input.related as []
	result.path == []
}
