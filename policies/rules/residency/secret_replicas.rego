# RES-SECRETS-001: Secrets Manager replica regions are inside the allowed set.
package iacgate.rules.residency.secret_replicas

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.secret_replicas)
}
