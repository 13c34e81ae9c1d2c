package iacgate.rules.residency.azure_storage_geo_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.azure_storage_geo
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

account(location, kind) := object.union(testing.resource("azurerm_storage_account", {"location": location, "account_replication_type": kind}), {"provider": "azurerm", "region": location})

test_grs_with_allowed_pair_passes if {
	count(azure_storage_geo.deny) == 0 with input.resource as account("West Europe", "GRS")
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_grs_with_pair_elsewhere_fails if {
	some result in azure_storage_geo.deny with input.resource as account("westeurope", "RAGRS")
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["westeurope"]}}
	contains(result.message, "northeurope")
}

test_locally_redundant_storage_is_not_judged if {
	count(azure_storage_geo.deny) == 0 with input.resource as account("brazilsouth", "LRS")
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

# A replication type or location unknown until apply may put the copy outside the allowed set.
test_unknown_replication_type_or_location_is_judged if {
	some result in azure_storage_geo.deny with input.resource as account("westeurope", testing.unknown)
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["westeurope"]}}
	result.path == ["account_replication_type"]
	count(azure_storage_geo.deny) == 0 with input.resource as account("westeurope", testing.unknown)
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["westeurope", "northeurope"]}}
	some located in azure_storage_geo.deny with input.resource as object.union(account(testing.unknown, "GRS"), {"region": testing.unknown})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["westeurope", "northeurope"]}}
	contains(located.message, "cannot be determined")
}
