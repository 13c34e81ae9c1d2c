# A key or SSL policy a condition that cannot be evaluated may leave unset (HCL `c ? key : null`), and a key
# block unknown as a whole (a dynamic block whose for_each is unknown), are reported at the unknown value:
# undetermined, never a pass (before, the conditional counted as a key) nor a failure at the resource.
package iacgate.rules.encryption.gcp_conditional_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_bigquery_cmek
import data.iacgate.rules.encryption.gcp_disk_cmek
import data.iacgate.rules.encryption.gcp_proxy_ssl_policy
import data.iacgate.rules.encryption.gcp_sql_cmek
import data.iacgate.rules.encryption.gcp_storage_cmek
import rego.v1

# A resource of the Terraform source (in a plan, a block unknown as a whole is the provider's).
hcl(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"format": "terraform"})

maybe_unset := {"__unknown__": "conditional whose condition is unknown (variable 'cmek' has no value); a branch leaves it unset"}

dynamic_block := {"__unknown__": "dynamic block encryption: variable 'keys' has no value"}

test_sql_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcp_sql_cmek.deny with input.resource as testing.resource("google_sql_database_instance", {"encryption_key_name": maybe_unset})
	result.path == ["encryption_key_name"]
}

test_sql_key_of_two_set_branches_passes if {
	count(gcp_sql_cmek.deny) == 0 with input.resource as testing.resource("google_sql_database_instance", {"encryption_key_name": testing.unknown})
}

test_bucket_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcp_storage_cmek.deny with input.resource as testing.resource("google_storage_bucket", {"encryption": [{"default_kms_key_name": maybe_unset}]})
	result.path == ["encryption", 0, "default_kms_key_name"]
}

test_bucket_encryption_block_unknown_as_a_whole_is_reported_at_it if {
	some result in gcp_storage_cmek.deny with input.resource as hcl("google_storage_bucket", {"encryption": dynamic_block})
	result.path == ["encryption"]
	contains(result.message, "unknown until apply")
}

test_dataset_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcp_bigquery_cmek.deny with input.resource as testing.resource("google_bigquery_dataset", {"default_encryption_configuration": [{"kms_key_name": maybe_unset}]})
	result.path == ["default_encryption_configuration", 0, "kms_key_name"]
}

test_disk_key_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcp_disk_cmek.deny with input.resource as testing.resource("google_compute_disk", {"disk_encryption_key": [{"kms_key_self_link": maybe_unset}]})
	result.path == ["disk_encryption_key", 0, "kms_key_self_link"]
}

test_proxy_policy_that_a_condition_may_leave_unset_is_reported_at_it if {
	some result in gcp_proxy_ssl_policy.deny with input.resource as testing.resource("google_compute_target_https_proxy", {"ssl_policy": maybe_unset})
	result.path == ["ssl_policy"]
}
