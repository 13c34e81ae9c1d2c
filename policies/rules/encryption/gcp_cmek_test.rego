package iacgate.rules.encryption.gcp_cmek_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_bigquery_cmek
import data.iacgate.rules.encryption.gcp_disk_cmek
import data.iacgate.rules.encryption.gcp_storage_cmek
import rego.v1

test_disk_with_kms_key_passes if {
	count(gcp_disk_cmek.deny) == 0 with input.resource as testing.resource("google_compute_disk", {"disk_encryption_key": [{"kms_key_self_link": testing.unknown}]})
		with input.related as []
}

test_region_disk_with_kms_key_name_passes if {
	count(gcp_disk_cmek.deny) == 0 with input.resource as testing.resource("google_compute_region_disk", {"disk_encryption_key": [{"kms_key_name": "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k"}]})
		with input.related as []
}

test_region_disk_without_key_names_kms_key_name if {
	some result in gcp_disk_cmek.deny with input.resource as testing.resource("google_compute_region_disk", {}) with input.related as []
	contains(result.message, "disk_encryption_key.kms_key_name is not set")
}

test_disk_with_supplied_key_passes if {
	count(gcp_disk_cmek.deny) == 0 with input.resource as testing.resource("google_compute_disk", {"disk_encryption_key": [{"rsa_encrypted_key": "ieCx/NcW06PcT7Ep1X6LUTc/hLvUDYyzSZPPVCVPTVEohpeHASqC8uw5TzyO9U+Fka9JFHz0mBibXUInrC/jEk014kCK/NPjYgEMOyssZ4ZINPKxlUh2zn1bV+MCaTICrdmuSBTWlUUiFoDD6PYznLwh8ZNdaheCeZ8ewEXgFQ8V+sDroLaN3Xs3MDTXQEMMoNUXMCZEIpg9Vtp9x2oeQ5lAbtt7bYAAHf5l+gJWw3sUfs0/Glw5fpdjT8Uggrr+RMZezGrltJEF293rvTIjWOEB3z5OHyHwQkvdrPDFcTqsLfh+8Hr8g+mf+7zVPEC8nEbqpdl3GPv3A7AwpFp7MA=="}]})
		with input.related as []
}

test_disk_without_key_fails_at_resource if {
	some result in gcp_disk_cmek.deny with input.resource as testing.resource("google_compute_disk", {}) with input.related as []
	result.path == []
}

test_disk_with_empty_key_block_fails_at_block if {
	some result in gcp_disk_cmek.deny with input.resource as testing.resource("google_compute_disk", {"disk_encryption_key": [{"kms_key_self_link": null}]})
		with input.related as []
	result.path == ["disk_encryption_key", 0]
}

test_bucket_with_default_key_passes if {
	count(gcp_storage_cmek.deny) == 0 with input.resource as testing.resource("google_storage_bucket", {"encryption": [{"default_kms_key_name": testing.unknown}]})
		with input.related as []
}

test_bucket_without_default_key_fails if {
	some result in gcp_storage_cmek.deny with input.resource as testing.resource("google_storage_bucket", {"encryption": []})
		with input.related as []
	result.path == []
}

test_dataset_with_default_key_passes if {
	count(gcp_bigquery_cmek.deny) == 0 with input.resource as testing.resource("google_bigquery_dataset", {"default_encryption_configuration": [{"kms_key_name": "projects/p/locations/eu/keyRings/r/cryptoKeys/k"}]})
		with input.related as []
}

test_dataset_without_default_key_fails if {
	some result in gcp_bigquery_cmek.deny with input.resource as testing.resource("google_bigquery_dataset", {}) with input.related as []
	result.path == []
}
