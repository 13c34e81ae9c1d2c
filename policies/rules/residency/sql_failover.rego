# RES-AZSQL-001: an Azure SQL failover group's partner servers are inside the allowed set.
package iacgate.rules.residency.sql_failover

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.sql_failover_partners)
}
