package iacgate.rules.encryption.gcprest_gke_secrets_cmek_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcprest_gke_secrets_cmek
import rego.v1

cluster(attributes) := testing.resource("google_container_cluster", object.union({"name": "payments"}, attributes))

hcl_cluster(attributes) := object.union(cluster(attributes), {"format": "terraform"})

key := "projects/p/locations/europe-west1/keyRings/gke/cryptoKeys/secrets"

test_encrypted_with_a_key_passes if {
	count(gcprest_gke_secrets_cmek.deny) == 0 with input.resource as cluster({"database_encryption": [{"state": "ENCRYPTED", "key_name": key}]})
}

test_no_block_fails_at_the_resource if {
	some result in gcprest_gke_secrets_cmek.deny with input.resource as cluster({})
	result.path == []
	contains(result.message, "DECRYPTED")
}

test_decrypted_fails_at_state if {
	some result in gcprest_gke_secrets_cmek.deny with input.resource as cluster({"database_encryption": [{"state": "DECRYPTED", "key_name": ""}]})
	result.path == ["database_encryption", 0, "state"]
}

test_unknown_state_is_reported_at_it if {
	some result in gcprest_gke_secrets_cmek.deny with input.resource as cluster({"database_encryption": [{"state": testing.unknown, "key_name": key}]})
	result.path == ["database_encryption", 0, "state"]
}

test_block_unknown_as_a_whole_is_reported_at_it if {
	some result in gcprest_gke_secrets_cmek.deny with input.resource as hcl_cluster({"database_encryption": testing.unknown})
	result.path == ["database_encryption"]
}

test_pulumi_object_block_passes if {
	count(gcprest_gke_secrets_cmek.deny) == 0 with input.resource as cluster({"database_encryption": {"state": "ENCRYPTED", "key_name": key}})
}
