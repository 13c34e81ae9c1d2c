# RES-S3-001: S3 replication destinations are inside the allowed set.
package iacgate.rules.residency.s3_replication

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.s3_replication_destinations)
}
