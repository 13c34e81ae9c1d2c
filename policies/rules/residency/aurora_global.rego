# RES-RDS-002: every member cluster of an Aurora global database is inside the allowed set.
package iacgate.rules.residency.aurora_global

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.aurora_global_members)
}
