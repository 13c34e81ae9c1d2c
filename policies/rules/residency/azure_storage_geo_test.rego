package iacgate.rules.residency.azure_storage_geo_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.azure_storage_geo
import rego.v1

# Every test names local variables after `as` (see s3_replication_test.rego): 3.41 GB with the calls and
# literals written there, 0.60 GB so. Settings are never a rule of the package: regopy 1.5.2 ignores
# `with input.settings as <rule>`.

account(location, kind) := object.union(testing.resource("azurerm_storage_account", {"location": location, "account_replication_type": kind}), {"provider": "azurerm", "region": location})

test_grs_with_allowed_pair_passes if {
	none := []
	subject := account("West Europe", "GRS")
	settings := {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	count(azure_storage_geo.deny) == 0 with input.resource as subject
		with input.related as none with input.settings as settings
}

test_grs_with_pair_elsewhere_fails if {
	none := []
	subject := account("westeurope", "RAGRS")
	settings := {"residency": {"allowed_regions": ["westeurope"]}}
	some result in azure_storage_geo.deny with input.resource as subject
		with input.related as none with input.settings as settings
	contains(result.message, "northeurope")
}

test_locally_redundant_storage_is_not_judged if {
	none := []
	subject := account("brazilsouth", "LRS")
	settings := {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	count(azure_storage_geo.deny) == 0 with input.resource as subject
		with input.related as none with input.settings as settings
}

# A replication type or location unknown until apply may put the copy outside the allowed set.
test_unknown_replication_type_or_location_is_judged if {
	none := []
	subject := account("westeurope", testing.unknown)
	settings := {"residency": {"allowed_regions": ["westeurope"]}}
	some result in azure_storage_geo.deny with input.resource as subject
		with input.related as none with input.settings as settings
	result.path == ["account_replication_type"]
	settings2 := {"residency": {"allowed_regions": ["westeurope", "northeurope"]}}
	count(azure_storage_geo.deny) == 0 with input.resource as subject
		with input.related as none with input.settings as settings2
	subject2 := object.union(account(testing.unknown, "GRS"), {"region": testing.unknown})
	some located in azure_storage_geo.deny with input.resource as subject2
		with input.related as none with input.settings as settings2
	contains(located.message, "cannot be determined")
}
