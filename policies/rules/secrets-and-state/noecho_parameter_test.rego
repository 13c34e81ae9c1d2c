package iacgate.rules.secrets_and_state.noecho_parameter_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.noecho_parameter as rule
import rego.v1

parameter(name, snake, attributes) := object.union(
	testing.resource("cloudformation_parameter", object.union({"name": name, "snake_name": snake, "parameter_type": "String"}, attributes)),
	{"format": "cloudformation"},
)

test_password_parameter_without_noecho_fails if {
	some result in rule.deny with input.resource as parameter("DBPassword", "db_password", {})
		with input.related as []
	result.path == ["no_echo"]
}

test_noecho_passes if {
	rule.deny == set() with input.resource as parameter("DBPassword", "db_password", {"no_echo": "true"})
		with input.related as []
}

test_ssm_parameter_type_is_not_judged if {
	rule.deny == {{"not_applicable": true}} with input.resource as parameter("ApiToken", "api_token", {"parameter_type": "AWS::SSM::Parameter::Value<String>"})
		with input.related as []
}

test_other_names_are_not_judged if {
	rule.deny == {{"not_applicable": true}} with input.resource as parameter("SecretArn", "secret_arn", {})
		with input.related as []
}
