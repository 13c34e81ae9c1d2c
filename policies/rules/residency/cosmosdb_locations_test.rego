package iacgate.rules.residency.cosmosdb_locations_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.cosmosdb_locations
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

test_locations_in_allowed_regions_pass if {
	count(cosmosdb_locations.deny) == 0 with input.resource as testing.resource("azurerm_cosmosdb_account", {"geo_location": [{"location": "westeurope"}, {"location": "northeurope"}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_location_elsewhere_fails if {
	some result in cosmosdb_locations.deny with input.resource as testing.resource("azurerm_cosmosdb_account", {"geo_location": [{"location": "westeurope"}, {"location": "eastus"}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["geo_location", 1]
}
