package iacgate.rules.secrets_and_state.gcp_credentials_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.gcp_credentials as rule
import rego.v1

gcp(type_name, attributes, format) := object.union(
	testing.resource(type_name, attributes),
	{"format": format, "provider": "google"},
)

test_literal_user_password_fails if {
	some result in rule.deny with input.resource as gcp("google_sql_user", {"name": "app", "password": "app-password-1"}, "terraform")
		with input.related as []
	result.path == ["password"]
	not contains(result.message, "app-password-1")
}

test_literal_root_password_fails if {
	some result in rule.deny with input.resource as gcp("google_sql_database_instance", {"root_password": "root-pw"}, "pulumi")
		with input.related as []
	result.path == ["root_password"]
	contains(result.message, "plaintext in the stack state")
}

test_secret_manager_value_passes if {
	count(rule.deny) == 0 with input.resource as gcp("google_sql_user", {"password": testing.unknown}, "terraform")
		with input.related as []
}

test_iam_user_is_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as gcp("google_sql_user", {"name": "sa@p.iam", "type": "CLOUD_IAM_SERVICE_ACCOUNT"}, "terraform")
		with input.related as []
}
