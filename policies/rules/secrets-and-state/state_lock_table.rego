# SEC-STATE-010: the DynamoDB table a Terraform s3 backend locks with can be restored.
package iacgate.rules.secrets_and_state.state_lock_table

import data.iacgate.lib
import rego.v1

lock_table if {
	some backend in lib.referrers("terraform_backend")
	object.get(backend.attributes, "backend", null) == "s3"
}

deny contains {"not_applicable": true} if not lock_table

recovers if {
	some block in lib.attr_blocks("point_in_time_recovery")
	lib.is_true(object.get(block, "enabled", null))
}

deny contains lib.violation(lib.missing_block_path("point_in_time_recovery"), msg) if {
	lock_table
	not recovers
	msg := "DynamoDB table locking Terraform state cannot be restored: point_in_time_recovery is not enabled, required point_in_time_recovery { enabled = true }"
}
