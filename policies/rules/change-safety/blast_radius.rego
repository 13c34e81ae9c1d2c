# CHG-BLAST-001: a change that destroys or replaces more resources of one unit (a plan, a preview, a change
# set) than settings.change_safety.max_destructive_changes allows (10 when not set). Each destroyed or
# replaced resource of the rule's types carries the finding, so each can be approved on its own.
package iacgate.rules.change_safety.blast_radius

import data.iacgate.lib
import data.iacgate.rules.change_safety.change
import rego.v1

deny contains {"not_applicable": true} if {
	not destructive
	not change.nested_changes_not_given
}

destructive if {
	change.judged
	"delete" in change.actions
}

limit := object.get(object.get(input.settings, "change_safety", {}), "max_destructive_changes", 10)

summary := object.get(input, "change_summary", {"delete": 0, "replace": 0})

total := object.get(summary, "delete", 0) + object.get(summary, "replace", 0)

action := "replace" if change.replaced else := "delete"

over if {
	destructive
	total > limit
}

# A nested stack whose own change set is not given: what it destroys inside is not counted, so a count
# within the limit proves nothing.
deny contains lib.undetermined([], msg) if {
	change.nested_changes_not_given
	not over
	msg := concat("", [
		"nested stack changes not given: this change destroys or replaces at least ", format_int(total, 10),
		" resources of the unit, but what it does inside this nested stack is not among the scanned inputs ",
		"and is not counted, required at most ", format_int(limit, 10),
		" (change_safety.max_destructive_changes): scan the nested change sets with this one, or approve the change",
	])
}

deny contains lib.violation([], msg) if {
	over
	msg := concat("", [
		"blast radius above the limit: this change destroys or replaces ", format_int(total, 10),
		" resources of the unit (delete ", format_int(object.get(summary, "delete", 0), 10), ", replace ",
		format_int(object.get(summary, "replace", 0), 10), "; this one: ", action, "), required at most ",
		format_int(limit, 10), " (change_safety.max_destructive_changes) or an approved change (approvals file)",
	])
}
