# RES-REGION-001: a resource's effective region (or location) is inside the allowed set.
package iacgate.rules.residency.resource_region

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.judge(residency.own_place)
}
