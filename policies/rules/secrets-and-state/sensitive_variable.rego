# SEC-SENSITIVE-001: a Terraform variable that carries a secret is marked sensitive.
package iacgate.rules.secrets_and_state.sensitive_variable

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# Booleans and numbers hold no secret, whatever their name (enable_password_auth, token_ttl).
not_text if lib.attr("type") in {"bool", "number"}

deny contains {"not_applicable": true} if not secrets.secrets_secret_name(lib.attr("name"))

deny contains {"not_applicable": true} if not_text

# An ephemeral variable (Terraform 1.10+) is kept out of the plan and the state and may only be used where
# Terraform does not print it (provider blocks, write-only arguments, ephemeral resources).
ephemeral if lib.is_true(lib.attr("ephemeral"))

deny contains lib.violation(["sensitive"], msg) if {
	secrets.secrets_secret_name(lib.attr("name"))
	not not_text
	not ephemeral
	not lib.is_true(lib.attr("sensitive"))
	msg := concat("", [
		"variable ", lib.attr("name"), " carries a secret but Terraform may print it: sensitive is ",
		lib.attr_text("sensitive"), ", required true",
	])
}
