# CHG-STATE-001: a change that destroys or replaces a stateful resource, and so the data it holds.
package iacgate.rules.change_safety.stateful_destroy

import data.iacgate.lib
import data.iacgate.rules.change_safety.change
import rego.v1

deny contains {"not_applicable": true} if not change.judged

# A key (aws_kms_key, google_kms_crypto_key), matched by pattern: a type named as a string in a policy
# would make neighbours of that type part of every input.
what := "KMS key scheduled for deletion (what it encrypted becomes unreadable)" if {
	regex.match(`^(aws_kms|google_kms_crypto)_key$`, input.resource.type)
} else := "stateful resource destroyed with the data it holds"

deny contains lib.violation([], msg) if {
	change.destroyed
	msg := concat("", [what, ": action is delete, required an approved change (approvals file) or the resource kept"])
}

deny contains lib.violation([], msg) if {
	change.replaced
	change.forced_by != ""
	msg := concat("", [
		"stateful resource replaced (destroyed and created again, losing its data): action is replace, forced by ",
		change.forced_by, ", required an approved change (approvals file) or an in-place update",
	])
}

deny contains lib.violation([], msg) if {
	change.replaced
	change.forced_by == ""
	msg := "stateful resource replaced (destroyed and created again, losing its data): action is replace, required an approved change (approvals file) or an in-place update"
}

conditional_cause := concat("", [" on ", change.forced_by]) if {
	change.forced_by != ""
} else := ""

deny contains lib.undetermined([], msg) if {
	change.maybe_replaced
	msg := concat("", [
		"stateful resource may be replaced (destroyed and created again, losing its data): replacement is conditional",
		conditional_cause, ", required an approved change (approvals file) or an in-place update",
	])
}
