package iacgate.rules.secrets_and_state.sensitive_plan_value_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.sensitive_plan_value
import rego.v1

value(attributes) := object.union(testing.resource("terraform_plan_value", attributes), {"provider": "terraform"})

test_a_sensitive_variable_shown_in_clear_fails if {
	some result in sensitive_plan_value.deny with input.resource as value({"kind": "variable", "name": "db_password", "configured_sensitive": true, "marked": null, "shown": true})
	result.path == ["shown"]
	contains(result.message, "variable db_password is sensitive")
}

test_values_not_shown_or_not_sensitive_pass if {
	count(sensitive_plan_value.deny) == 0 with input.resource as value({"kind": "variable", "name": "db_password", "configured_sensitive": true, "marked": null, "shown": false})
	sensitive_plan_value.deny == {{"not_applicable": true}} with input.resource as value({"kind": "variable", "name": "region", "configured_sensitive": false, "marked": null, "shown": true})
	count(sensitive_plan_value.deny) == 0 with input.resource as value({"kind": "output", "name": "dsn", "configured_sensitive": true, "marked": true, "shown": true})
}

test_an_output_the_plan_does_not_mark_fails if {
	some result in sensitive_plan_value.deny with input.resource as value({"kind": "output", "name": "dsn", "configured_sensitive": true, "marked": false, "shown": true})
	result.path == ["shown"]
	contains(result.message, "sensitive is false, required true")
}

test_an_unmarked_output_known_after_apply_is_flagged_on_its_unknown_value if {
	some result in sensitive_plan_value.deny with input.resource as value({"kind": "output", "name": "dsn", "configured_sensitive": true, "marked": false, "shown": {"__unknown__": "known after apply"}})
	result.path == ["shown"]
}
