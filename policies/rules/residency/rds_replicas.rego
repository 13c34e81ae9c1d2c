# RES-RDS-001: an RDS instance's read replicas are inside the allowed set.
package iacgate.rules.residency.rds_replicas

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.rds_read_replicas)
}
