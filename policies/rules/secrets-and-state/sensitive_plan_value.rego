# SEC-SENSITIVE-004: a plan does not show, unmarked, a value its configuration marks sensitive.
package iacgate.rules.secrets_and_state.sensitive_plan_value

import data.iacgate.lib
import rego.v1

kind := lib.attr("kind")

name := lib.attr("name")

# Only what the configuration marks sensitive = true is judged.
deny contains {"not_applicable": true} if not lib.is_true(lib.attr("configured_sensitive"))

# A root variable's value: terraform show -json writes it in clear under variables, with no marking.
deny contains lib.violation(["shown"], msg) if {
	kind == "variable"
	lib.is_true(lib.attr("configured_sensitive"))
	lib.is_true(lib.attr("shown"))
	msg := concat("", [
		"variable ", name, " is sensitive in the configuration but the plan shows its value unmarked: ",
		"variables.", name, ".value is written in clear with no sensitive marking, required the plan kept ",
		"out of logs and artifacts, or a redacted plan",
	])
}

# A root output: the plan must keep the configuration's marking (planned_values.outputs.<name>.sensitive).
deny contains lib.violation(["shown"], msg) if {
	kind == "output"
	lib.is_true(lib.attr("configured_sensitive"))
	not lib.is_true(lib.attr("marked"))
	shown := lib.attr("shown")
	not shown == false
	msg := concat("", [
		"output ", name, " is sensitive in the configuration but the plan shows its value unmarked: ",
		"planned_values.outputs.", name, ".sensitive is ", lib.show(lib.attr("marked")), ", required true",
	])
}
