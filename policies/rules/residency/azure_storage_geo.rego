# RES-AZSTORAGE-001: geo-redundant Azure storage keeps its second copy in a paired region that is allowed.
package iacgate.rules.residency.azure_storage_geo

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.azure_storage_secondary)
}
