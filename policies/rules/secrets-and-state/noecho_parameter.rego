# SEC-SENSITIVE-003: a CloudFormation parameter that carries a secret is declared NoEcho.
package iacgate.rules.secrets_and_state.noecho_parameter

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# A parameter whose value is read from SSM at deploy time is not written into the stack.
from_ssm if startswith(lib.attr("parameter_type"), "AWS::SSM::Parameter::Value")

not_text if lib.attr("parameter_type") in {"Number", "List<Number>"}

carries_secret if {
	secrets.secrets_secret_name(lib.attr("snake_name"))
	not from_ssm
	not not_text
}

deny contains {"not_applicable": true} if not carries_secret

deny contains lib.violation(["no_echo"], msg) if {
	carries_secret
	not lib.is_true(lib.attr("no_echo"))
	msg := concat("", [
		"parameter ", lib.attr("name"),
		" carries a secret but the console, the CLI and the API show its value: no_echo is ",
		lib.attr_text("no_echo"), ", required true",
	])
}
