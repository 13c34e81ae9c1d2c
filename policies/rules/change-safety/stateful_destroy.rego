# CHG-STATE-001: a change that destroys or replaces a stateful resource, and so the data it holds.
package iacgate.rules.change_safety.stateful_destroy

import data.iacgate.lib
import data.iacgate.rules.change_safety.change
import rego.v1

deny contains {"not_applicable": true} if not change.judged

# A stack (aws_cloudformation_stack, matched by pattern as the keys below are) holds resources, not data:
# its own resources are judged where the change lists them. It is judged only when it does not: a nested
# stack modified or removed whose nested change set is not given.
stack if regex.match(`^aws_cloudformation_stack$`, input.resource.type)

deny contains {"not_applicable": true} if {
	stack
	not change.nested_changes_not_given
}

nested_action := "removes" if change.destroyed else := "modifies"

deny contains lib.undetermined([], msg) if {
	stack
	change.nested_changes_not_given
	msg := concat("", [
		"nested stack changes not given: this change ", nested_action,
		" a nested stack whose own change set is not among the scanned inputs, so whether it destroys or ",
		"replaces a stateful resource is unknown, required the nested change set (describe-change-set of ",
		"each nested stack, IncludeNestedStacks) scanned with this one, or an approved change (approvals file)",
	])
}

# A key (aws_kms_key, google_kms_crypto_key), matched by pattern: a type named as a string in a policy
# would make neighbours of that type part of every input.
what := "KMS key scheduled for deletion (what it encrypted becomes unreadable)" if {
	regex.match(`^(aws_kms|google_kms_crypto)_key$`, input.resource.type)
} else := "stateful resource destroyed with the data it holds"

deny contains lib.violation([], msg) if {
	not stack
	change.destroyed
	msg := concat("", [what, ": action is delete, required an approved change (approvals file) or the resource kept"])
}

deny contains lib.violation([], msg) if {
	not stack
	change.replaced
	change.forced_by != ""
	msg := concat("", [
		"stateful resource replaced (destroyed and created again, losing its data): action is replace, forced by ",
		change.forced_by, ", required an approved change (approvals file) or an in-place update",
	])
}

deny contains lib.violation([], msg) if {
	not stack
	change.replaced
	change.forced_by == ""
	msg := "stateful resource replaced (destroyed and created again, losing its data): action is replace, required an approved change (approvals file) or an in-place update"
}

conditional_cause := concat("", [" on ", change.forced_by]) if {
	change.forced_by != ""
} else := ""

deny contains lib.undetermined([], msg) if {
	not stack
	change.maybe_replaced
	msg := concat("", [
		"stateful resource may be replaced (destroyed and created again, losing its data): replacement is conditional",
		conditional_cause, ", required an approved change (approvals file) or an in-place update",
	])
}
