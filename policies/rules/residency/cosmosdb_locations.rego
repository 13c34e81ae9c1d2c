# RES-COSMOS-001: every Cosmos DB geo-location is inside the allowed set.
package iacgate.rules.residency.cosmosdb_locations

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.cosmosdb_locations)
}
