# RES-BACKUP-001: AWS Backup copy actions send copies only to vaults inside the allowed set.
package iacgate.rules.residency.backup_copies

import data.iacgate.lib.residency
import rego.v1

deny contains result if {
	some result in residency.verdicts(residency.backup_copy_destinations)
}
