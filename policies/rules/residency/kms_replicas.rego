# RES-KMS-001: replicas of a multi-Region KMS key are inside the allowed set.
package iacgate.rules.residency.kms_replicas

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.kms_key_replicas)
}
