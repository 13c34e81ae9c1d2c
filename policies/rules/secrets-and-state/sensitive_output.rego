# SEC-SENSITIVE-002: a Terraform output that exposes a secret is marked sensitive.
package iacgate.rules.secrets_and_state.sensitive_output

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# The variables the output's value reads whose names say they hold a secret.
secret_variables := [name |
	some reference in lib.attr("references")
	startswith(reference, "var.")
	name := substring(reference, 4, -1)
	secrets.secrets_secret_name(name)
]

exposes if count(secret_variables) > 0

exposes if lib.is_true(lib.attr("nonsensitive"))

exposes if secrets.secrets_secret_name(lib.attr("name"))

deny contains {"not_applicable": true} if not exposes

deny contains lib.violation(["sensitive"], msg) if {
	exposes
	not lib.is_true(lib.attr("sensitive"))
	msg := concat("", [
		"output ", lib.attr("name"), " exposes a secret in plan and apply output and to every reader of the state: sensitive is ",
		lib.attr_text("sensitive"), ", required true",
	])
}
