# RES-DYNAMODB-001: DynamoDB global-table replicas are inside the allowed set.
package iacgate.rules.residency.dynamodb_replicas

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.dynamodb_replicas)
}
