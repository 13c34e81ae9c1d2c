package iacgate.rules.residency.resource_region_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.resource_region
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

test_allowed_region_passes if {
	count(resource_region.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_region_outside_fails_naming_region_source_and_allowed_set if {
	some result in resource_region.deny with input.resource as object.union(testing.resource("aws_s3_bucket", {}), {"region": "us-east-1", "region_source": "provider aws.us"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	contains(result.message, "us-east-1")
	contains(result.message, "provider aws.us")
	contains(result.message, "eu-west-1, eu-central-1")
}

test_classified_data_uses_the_stricter_set if {
	count(resource_region.deny) == 1 with input.resource as object.union(testing.resource("aws_s3_bucket", {}), {"region": "eu-central-1", "tags": {"data-classification": "pci"}})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_gcp_multi_region_counts_by_members if {
	count(resource_region.deny) == 0 with input.resource as object.union(testing.resource("google_storage_bucket", {"location": "EU"}), {"provider": "google"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	some result in resource_region.deny with input.resource as object.union(testing.resource("google_storage_bucket", {"location": "US"}), {"provider": "google"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["location"]
}

test_unknown_region_fails_or_warns if {
	some failed in resource_region.deny with input.resource as object.union(testing.resource("aws_s3_bucket", {}), {"region": testing.unknown})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	not failed.status
	contains(failed.message, "set region")
	some warned in resource_region.deny with input.resource as object.union(testing.resource("aws_s3_bucket", {}), {"region": testing.unknown})
		with input.related as [] with input.settings as object.union({"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}, {"residency": {"allowed_regions": ["eu-west-1"], "unknown_region": "warn"}})
	warned.status == "undetermined"
}
