# RES-ECR-001: ECR replication destinations are inside the allowed set.
package iacgate.rules.residency.ecr_replication

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.ecr_replication_destinations)
}
