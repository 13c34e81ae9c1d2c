package iacgate.rules.encryption.gcprest_test

import data.iacgate.lib.gcp_cmek
import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcprest_artifact_registry_cmek
import data.iacgate.rules.encryption.gcprest_bigquery_table_cmek
import data.iacgate.rules.encryption.gcprest_bigtable_cmek
import data.iacgate.rules.encryption.gcprest_dataflow_cmek
import data.iacgate.rules.encryption.gcprest_dataproc_cmek
import data.iacgate.rules.encryption.gcprest_instance_disk_cmek
import data.iacgate.rules.encryption.gcprest_instance_template_cmek
import data.iacgate.rules.encryption.gcprest_pubsub_topic_cmek
import data.iacgate.rules.encryption.gcprest_redis_cmek
import data.iacgate.rules.encryption.gcprest_redis_transit
import data.iacgate.rules.encryption.gcprest_spanner_database_cmek
import data.iacgate.rules.encryption.gcprest_vertex_ai_cmek
import rego.v1

gcprest_google(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"provider": "google"})

# A neighbour this resource refers to.
gcprest_neighbour(type_name, attributes) := gcprest_neighbour_via(type_name, "source", attributes)

# A neighbour this resource refers to through one attribute (an instance's boot_disk or attached_disk).
gcprest_neighbour_via(type_name, attribute, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(gcprest_google(type_name, attributes), {"id": concat(".", [type_name, attribute])}),
}

key := "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k"

# --- lib.gcp_cmek ------------------------------------------------------------------------------------

test_cmek_path_stops_at_a_missing_block if {
	path := gcp_cmek.finding_path(["cluster_config", "encryption_config", "kms_key_name"]) with input.resource as gcprest_google("google_dataproc_cluster", {"cluster_config": [{}]})
		with input.related as []
	path == ["cluster_config", 0, "encryption_config"]
}

test_cmek_reads_pulumi_objects if {
	gcp_cmek.key_set([["cluster_config", "encryption_config", "kms_key_name"]]) with input.resource as gcprest_google("google_dataproc_cluster", {"cluster_config": {"encryption_config": {"kms_key_name": key}}})
		with input.related as []
}

# --- compute -----------------------------------------------------------------------------------------

test_instance_boot_from_image_without_key_fails if {
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance", {"boot_disk": [{"initialize_params": [{"image": "debian-12"}]}]})
		with input.related as []
	result.path == ["boot_disk", 0, "kms_key_self_link"]
}

test_instance_boot_with_key_passes if {
	count(gcprest_instance_disk_cmek.deny) == 0 with input.resource as gcprest_google("google_compute_instance", {"boot_disk": {"kms_key_self_link": key}})
		with input.related as []
}

test_instance_attached_keyless_disk_fails if {
	attrs := {"boot_disk": [{"kms_key_self_link": key}], "attached_disk": [{"source": testing.unknown}]}
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as [gcprest_neighbour_via("google_compute_disk", "attached_disk", {})]
	result.path == ["attached_disk", 0, "kms_key_self_link"]
	not result.status
}

test_instance_attached_keyed_disk_passes if {
	attrs := {"boot_disk": [{"kms_key_self_link": key}], "attached_disk": [{"source": testing.unknown}]}
	count(gcprest_instance_disk_cmek.deny) == 0 with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as [gcprest_neighbour_via("google_compute_disk", "attached_disk", {"disk_encryption_key": [{"kms_key_self_link": key}]})]
}

test_instance_attached_disk_outside_is_undetermined if {
	attrs := {"boot_disk": [{"kms_key_self_link": key}], "attached_disk": [{"source": "legacy"}]}
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as []
	result.status == "undetermined"
}

# Each disk block is judged by the disks its own attribute refers to: a keyed boot disk is not blamed for a
# keyless attached disk, and does not hide an attached disk outside the configuration.
gcprest_keyed_boot_disk(disk_key) := gcprest_neighbour_via("google_compute_disk", "boot_disk", {"disk_encryption_key": [{"kms_key_self_link": disk_key}]})

test_instance_keyed_boot_disk_is_not_blamed_for_an_attached_one if {
	attrs := {"boot_disk": [{"source": testing.unknown}], "attached_disk": [{"source": testing.unknown}]}
	paths := {result.path | some result in gcprest_instance_disk_cmek.deny} with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as [gcprest_keyed_boot_disk(key), gcprest_neighbour_via("google_compute_disk", "attached_disk", {})]
	paths == {["attached_disk", 0, "kms_key_self_link"]}
}

test_instance_attached_disk_outside_beside_a_keyed_boot_disk_is_undetermined if {
	attrs := {"boot_disk": [{"source": testing.unknown}], "attached_disk": [{"source": "legacy"}]}
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as [gcprest_keyed_boot_disk(key)]
	result.path == ["attached_disk", 0, "kms_key_self_link"]
	result.status == "undetermined"
}

test_instance_attached_disk_of_an_unread_data_source_is_undetermined if {
	attrs := {"boot_disk": [{"kms_key_self_link": key}], "attached_disk": [{"source": testing.unknown}]}
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as [gcprest_data_neighbour("google_compute_disk", "attached_disk", {"name": "legacy"})]
	result.status == "undetermined"
}

test_instance_attached_disk_a_plan_read_without_key_fails if {
	attrs := {"boot_disk": [{"kms_key_self_link": key}], "attached_disk": [{"source": testing.unknown}]}
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance", attrs)
		with input.related as [gcprest_data_neighbour("google_compute_disk", "attached_disk", {"name": "legacy", "disk_encryption_key": []})]
	not result.status
}

# google_compute_instance_from_template: the disks it does not write come from its source template.
gcprest_source_template(disks) := gcprest_neighbour_via("google_compute_instance_template", "source_instance_template", {"disk": disks})

test_instance_from_keyless_template_fails_at_the_template if {
	attrs := {"source_instance_template": testing.unknown}
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance_from_template", attrs)
		with input.related as [gcprest_source_template([{"source_image": "debian-12", "boot": true}])]
	result.path == ["source_instance_template"]
	result.decided
}

test_instance_from_keyed_template_passes if {
	disks := [{"source_image": "debian-12", "boot": true, "disk_encryption_key": [{"kms_key_self_link": key}]}, {"type": "SCRATCH", "disk_type": "local-ssd"}]
	count(gcprest_instance_disk_cmek.deny) == 0 with input.resource as gcprest_google("google_compute_instance_from_template", {"source_instance_template": testing.unknown})
		with input.related as [gcprest_source_template(disks)]
}

test_instance_from_keyless_template_with_keyed_boot_override_passes if {
	attrs := {"source_instance_template": testing.unknown, "boot_disk": [{"kms_key_self_link": key, "initialize_params": [{"image": "debian-12"}]}]}
	count(gcprest_instance_disk_cmek.deny) == 0 with input.resource as gcprest_google("google_compute_instance_from_template", attrs)
		with input.related as [gcprest_source_template([{"source_image": "debian-12", "boot": true}])]
}

test_instance_from_template_takes_a_keyless_data_disk if {
	disks := [{"source_image": "debian-12", "boot": true, "disk_encryption_key": [{"kms_key_self_link": key}]}, {"disk_size_gb": 200}]
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance_from_template", {"source_instance_template": testing.unknown})
		with input.related as [gcprest_source_template(disks)]
	contains(result.message, "attached_disk")
}

test_instance_from_template_outside_is_undetermined if {
	some result in gcprest_instance_disk_cmek.deny with input.resource as gcprest_google("google_compute_instance_from_template", {"source_instance_template": "projects/p/global/instanceTemplates/legacy"})
		with input.related as []
	result.status == "undetermined"
}

test_template_disk_without_key_fails if {
	disks := [{"source_image": "debian-12", "disk_encryption_key": [{"kms_key_self_link": key}]}, {"disk_size_gb": 100}]
	some result in gcprest_instance_template_cmek.deny with input.resource as gcprest_google("google_compute_instance_template", {"disk": disks})
		with input.related as []
	result.path == ["disk", 1, "disk_encryption_key"]
}

test_template_scratch_and_existing_disks_pass if {
	disks := [{"source_image": "debian-12", "disk_encryption_key": {"kms_key_self_link": key}}, {"type": "SCRATCH"}, {"source": "legacy"}]
	count(gcprest_instance_template_cmek.deny) == 0 with input.resource as gcprest_google("google_compute_region_instance_template", {"disk": disks})
		with input.related as []
}

# --- BigQuery tables ---------------------------------------------------------------------------------

test_table_in_keyed_dataset_passes if {
	count(gcprest_bigquery_table_cmek.deny) == 0 with input.resource as gcprest_google("google_bigquery_table", {"dataset_id": testing.unknown})
		with input.related as [gcprest_neighbour("google_bigquery_dataset", {"default_encryption_configuration": [{"kms_key_name": key}]})]
}

test_table_in_plain_dataset_fails if {
	some result in gcprest_bigquery_table_cmek.deny with input.resource as gcprest_google("google_bigquery_table", {"dataset_id": testing.unknown})
		with input.related as [gcprest_neighbour("google_bigquery_dataset", {})]
	not result.status
}

test_table_with_dataset_elsewhere_is_undetermined if {
	some result in gcprest_bigquery_table_cmek.deny with input.resource as gcprest_google("google_bigquery_table", {"dataset_id": "shared"})
		with input.related as []
	result.status == "undetermined"
}

# A data "google_bigquery_dataset": in the source it holds only its arguments (the dataset's key is not known,
# undetermined); a plan that read it shows its default_encryption_configuration, empty when it has none.
gcprest_data_neighbour(type_name, attribute, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": {
		"id": concat(".", ["data", type_name, "read"]),
		"format": "terraform-plan",
		"type": type_name,
		"native_type": type_name,
		"provider": "google",
		"mode": "data",
		"attributes": attributes,
		"tags": {},
	},
}

test_table_in_dataset_of_an_unread_data_source_is_undetermined if {
	some result in gcprest_bigquery_table_cmek.deny with input.resource as gcprest_google("google_bigquery_table", {"dataset_id": testing.unknown})
		with input.related as [gcprest_data_neighbour("google_bigquery_dataset", "dataset_id", {"dataset_id": "shared"})]
	result.status == "undetermined"
}

test_table_in_dataset_a_plan_read_without_key_fails if {
	some result in gcprest_bigquery_table_cmek.deny with input.resource as gcprest_google("google_bigquery_table", {"dataset_id": testing.unknown})
		with input.related as [gcprest_data_neighbour("google_bigquery_dataset", "dataset_id", {"dataset_id": "shared", "default_encryption_configuration": []})]
	not result.status
}

test_table_in_dataset_a_plan_read_with_key_passes if {
	count(gcprest_bigquery_table_cmek.deny) == 0 with input.resource as gcprest_google("google_bigquery_table", {"dataset_id": testing.unknown})
		with input.related as [gcprest_data_neighbour("google_bigquery_dataset", "dataset_id", {"default_encryption_configuration": [{"kms_key_name": key}]})]
}

test_view_is_not_applicable if {
	results := gcprest_bigquery_table_cmek.deny with input.resource as gcprest_google("google_bigquery_table", {"view": [{"query": "SELECT 1"}]})
		with input.related as []
	results == {{"not_applicable": true}}
}

# --- one-key services --------------------------------------------------------------------------------

test_topic_without_key_fails if {
	count(gcprest_pubsub_topic_cmek.deny) == 1 with input.resource as gcprest_google("google_pubsub_topic", {"name": "t"})
		with input.related as []
}

test_topic_with_key_passes if {
	count(gcprest_pubsub_topic_cmek.deny) == 0 with input.resource as gcprest_google("google_pubsub_topic", {"kms_key_name": testing.unknown})
		with input.related as []
}

test_virtual_repository_is_not_applicable if {
	results := gcprest_artifact_registry_cmek.deny with input.resource as gcprest_google("google_artifact_registry_repository", {"mode": "VIRTUAL_REPOSITORY"})
		with input.related as []
	results == {{"not_applicable": true}}
}

test_standard_repository_without_key_fails if {
	count(gcprest_artifact_registry_cmek.deny) == 1 with input.resource as gcprest_google("google_artifact_registry_repository", {"format": "DOCKER"})
		with input.related as []
}

test_artifact_repository_with_unknown_mode_is_reported_at_the_mode if {
	some result in gcprest_artifact_registry_cmek.deny with input.resource as gcprest_google("google_artifact_registry_repository", {"format": "DOCKER", "mode": testing.unknown})
		with input.related as []
	result.path == ["mode"]
}

test_bigtable_second_cluster_without_key_fails if {
	clusters := [{"cluster_id": "a", "kms_key_name": key}, {"cluster_id": "b"}]
	some result in gcprest_bigtable_cmek.deny with input.resource as gcprest_google("google_bigtable_instance", {"cluster": clusters})
		with input.related as []
	result.path == ["cluster", 1, "kms_key_name"]
}

test_dataflow_flex_with_key_passes if {
	count(gcprest_dataflow_cmek.deny) == 0 with input.resource as gcprest_google("google_dataflow_flex_template_job", {"kms_key_name": key})
		with input.related as []
}

test_dataproc_without_encryption_config_fails if {
	count(gcprest_dataproc_cmek.deny) == 1 with input.resource as gcprest_google("google_dataproc_cluster", {"cluster_config": [{"staging_bucket": "b"}]})
		with input.related as []
}

test_spanner_multi_region_keys_pass if {
	count(gcprest_spanner_database_cmek.deny) == 0 with input.resource as gcprest_google("google_spanner_database", {"encryption_config": [{"kms_key_names": [key]}]})
		with input.related as []
}

test_vertex_metadata_store_without_key_fails if {
	count(gcprest_vertex_ai_cmek.deny) == 1 with input.resource as gcprest_google("google_vertex_ai_metadata_store", {"name": "default"})
		with input.related as []
}

test_redis_without_key_fails if {
	count(gcprest_redis_cmek.deny) == 1 with input.resource as gcprest_google("google_redis_instance", {})
		with input.related as []
}

# --- Memorystore in transit --------------------------------------------------------------------------

test_redis_transit_default_fails if {
	some result in gcprest_redis_transit.deny with input.resource as gcprest_google("google_redis_instance", {})
		with input.related as []
	result.path == ["transit_encryption_mode"]
}

test_redis_transit_server_authentication_passes if {
	count(gcprest_redis_transit.deny) == 0 with input.resource as gcprest_google("google_redis_instance", {"transit_encryption_mode": "SERVER_AUTHENTICATION"})
		with input.related as []
}

test_redis_cluster_transit_server_authentication_passes if {
	count(gcprest_redis_transit.deny) == 0 with input.resource as gcprest_google("google_redis_cluster", {"transit_encryption_mode": "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION"})
}

test_redis_cluster_transit_disabled_fails if {
	some result in gcprest_redis_transit.deny with input.resource as gcprest_google("google_redis_cluster", {"transit_encryption_mode": "TRANSIT_ENCRYPTION_MODE_DISABLED"})
	contains(result.message, "required TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION")
}
