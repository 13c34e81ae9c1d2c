# Keys of the issue-15 GCP rules that a condition may leave unset are reported at the unknown value.
package iacgate.rules.encryption.gcprest_conditional_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcprest_bigquery_table_cmek
import data.iacgate.rules.encryption.gcprest_bigtable_cmek
import data.iacgate.rules.encryption.gcprest_instance_disk_cmek
import data.iacgate.rules.encryption.gcprest_instance_template_cmek
import data.iacgate.rules.encryption.gcprest_pubsub_topic_cmek
import rego.v1

maybe_unset := {"__unknown__": "conditional whose condition is unknown (variable 'cmek' has no value); a branch leaves it unset"}

test_topic_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcprest_pubsub_topic_cmek.deny with input.resource as testing.resource("google_pubsub_topic", {"kms_key_name": maybe_unset})
	result.path == ["kms_key_name"]
	contains(result.message, "kms_key_name is unknown until apply")
}

test_boot_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcprest_instance_disk_cmek.deny with input.resource as testing.resource("google_compute_instance", {"boot_disk": [{"kms_key_self_link": maybe_unset, "initialize_params": [{"image": "debian-12"}]}]})
		with input.related as []
	result.path == ["boot_disk", 0, "kms_key_self_link"]
}

test_cluster_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcprest_bigtable_cmek.deny with input.resource as testing.resource("google_bigtable_instance", {"cluster": [{"cluster_id": "a", "kms_key_name": maybe_unset}]})
	result.path == ["cluster", 0, "kms_key_name"]
	contains(result.message, "cluster.kms_key_name is unknown until apply")
}

test_template_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcprest_instance_template_cmek.deny with input.resource as testing.resource("google_compute_instance_template", {"disk": [{"source_image": "debian-12", "disk_encryption_key": [{"kms_key_self_link": maybe_unset}]}]})
	result.path == ["disk", 0, "disk_encryption_key", 0, "kms_key_self_link"]
}

# The dataset a table refers to, with the default_encryption_configuration given.
gcprest_conditional_dataset(default_key) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "dataset_id",
	"resource": object.union(
		testing.resource("google_bigquery_dataset", {"default_encryption_configuration": [{"kms_key_name": default_key}]}),
		{"id": "google_bigquery_dataset.d"},
	),
}

test_table_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcprest_bigquery_table_cmek.deny with input.resource as testing.resource("google_bigquery_table", {"dataset_id": testing.unknown, "encryption_configuration": [{"kms_key_name": maybe_unset}]})
		with input.related as [gcprest_conditional_dataset(null)]
	result.path == ["encryption_configuration", 0, "kms_key_name"]
}

test_table_dataset_default_that_a_condition_may_leave_unset_is_undetermined if {
	some result in gcprest_bigquery_table_cmek.deny with input.resource as testing.resource("google_bigquery_table", {"dataset_id": testing.unknown})
		with input.related as [gcprest_conditional_dataset(maybe_unset)]
	result.status == "undetermined"
}

test_attached_disks_unknown_as_a_whole_are_reported_at_them if {
	some result in gcprest_instance_disk_cmek.deny with input.resource as testing.resource("google_compute_instance", {"boot_disk": [{"kms_key_self_link": "k", "initialize_params": [{"image": "debian-12"}]}], "attached_disk": {"__unknown__": "dynamic block attached_disk: variable 'disks' has no value"}})
		with input.related as []
	result.path == ["attached_disk"]
}

test_attached_disk_whose_key_a_condition_may_leave_unset_is_undetermined if {
	disk := {
		"direction": "out",
		"edge": "reference",
		"attribute": "attached_disk",
		"resource": object.union(testing.resource("google_compute_disk", {"disk_encryption_key": [{"kms_key_self_link": maybe_unset}]}), {"id": "google_compute_disk.d"}),
	}
	some result in gcprest_instance_disk_cmek.deny with input.resource as testing.resource("google_compute_instance", {"boot_disk": [{"kms_key_self_link": "k", "initialize_params": [{"image": "debian-12"}]}], "attached_disk": [{"source": testing.unknown}]})
		with input.related as [disk]
	result.path == ["attached_disk", 0, "kms_key_self_link"]
	result.status == "undetermined"
}

test_template_disk_whose_key_a_condition_may_leave_unset_leaves_the_instance_undetermined if {
	template := {
		"direction": "out",
		"edge": "reference",
		"attribute": "source_instance_template",
		"resource": object.union(testing.resource("google_compute_instance_template", {"disk": [{"source_image": "debian-12", "boot": true, "disk_encryption_key": [{"kms_key_self_link": maybe_unset}]}]}), {"id": "google_compute_instance_template.t"}),
	}
	results := gcprest_instance_disk_cmek.deny with input.resource as testing.resource("google_compute_instance_from_template", {"source_instance_template": testing.unknown})
		with input.related as [template]
	count(results) == 1
	some result in results
	result.status == "undetermined"
}
