package iacgate.rules.residency.sql_failover_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.sql_failover
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

partner(location) := {"direction": "out", "edge": "reference", "attribute": "partner_server", "resource": object.union(testing.resource("azurerm_mssql_server", {"location": location}), {"id": "azurerm_mssql_server.partner", "provider": "azurerm", "region": location})}

group := {"partner_server": [{"id": testing.unknown}]}

test_partner_in_allowed_region_passes if {
	count(sql_failover.deny) == 0 with input.resource as testing.resource("azurerm_mssql_failover_group", group)
		with input.related as [partner("northeurope")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_partner_elsewhere_fails if {
	count(sql_failover.deny) == 1 with input.resource as testing.resource("azurerm_mssql_failover_group", group)
		with input.related as [partner("eastus")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}
