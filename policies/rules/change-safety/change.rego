# What a plan, preview or change set does to the resource under evaluation (input.resource.change), for
# the rules of the change-safety pack. Source code has no change: those rules do not judge it.
package iacgate.rules.change_safety.change

import data.iacgate.lib
import rego.v1

# The resource comes from an input that says what the change does to it.
judged if is_object(input.resource.change)

actions := object.get(input.resource.change, "actions", [])

# The state before the change (updates, replacements and deletes), {} otherwise.
before := object.get(input.resource.change, "before", {})

# Destroyed, not replaced: a resource only removed from state (Terraform forget, Pulumi retainOnDelete,
# CloudFormation Retain) keeps its data and is not destroyed.
destroyed if {
	"delete" in actions
	not "create" in actions
}

replaced if {
	"delete" in actions
	"create" in actions
}

# The source says the resource may be replaced, depending on values it knows only while applying
# (CloudFormation Replacement: Conditional).
maybe_replaced if {
	not replaced
	input.resource.change.replacement_conditional == true
}

updated if "update" in actions

# A CloudFormation nested stack that the change modifies or removes, whose own change set (its
# describe-change-set output) is not among the scanned inputs: what it does to the stack's resources is
# not known.
nested_changes_not_given if input.resource.change.reason == "nested_stack_changes_not_given"

# "engine_version, storage_type": the attributes forcing a replacement, as people read them.
forced_by := concat(", ", [text |
	some path in object.get(input.resource.change, "replace_paths", [])
	text := change_safety_path_text(path)
])

change_safety_path_text(path) := concat("", [part |
	some i
	element := path[i]
	part := change_safety_path_part(i, element)
])

change_safety_path_part(_, element) := sprintf("[%v]", [element]) if is_number(element)

change_safety_path_part(i, element) := element if {
	is_string(element)
	i == 0
}

change_safety_path_part(i, element) := concat("", [".", element]) if {
	is_string(element)
	i > 0
}

# A value before the change, null when the before-state does not have it.
change_safety_was(name) := object.get(before, name, null)

# The value after the change, as the resource's attributes give it (null when absent).
change_safety_now(name) := lib.attr(name)
