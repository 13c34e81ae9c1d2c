package iacgate.rules.secrets_and_state.sensitive_test

import data.iacgate.lib.secrets
import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.sensitive_output
import data.iacgate.rules.secrets_and_state.sensitive_variable
import rego.v1

variable(attributes) := object.union(testing.resource("terraform_variable", attributes), {"format": "terraform"})

output(attributes) := object.union(testing.resource("terraform_output", attributes), {"format": "terraform"})

test_secret_names if {
	secrets.secrets_secret_name("db_password")
	secrets.secrets_secret_name("api_key")
	secrets.secrets_secret_name("client_secret")
	secrets.secrets_secret_name("github_token")
	secrets.secrets_secret_name("app_secrets")
	secrets.secrets_secret_name("db_passwords")
	secrets.secrets_secret_name("credentials")
	not secrets.secrets_secret_name("enable_secrets_encryption")
	not secrets.secrets_secret_name("secrets_manager_arn")
	not secrets.secrets_secret_name("db_password_secret_arn")
	not secrets.secrets_secret_name("manage_master_user_password")
	not secrets.secrets_secret_name("password_length")
	not secrets.secrets_secret_name("secret_name")
	not secrets.secrets_secret_name("token_ttl")
	not secrets.secrets_secret_name("bucket_name")
	not secrets.secrets_secret_name("tokenizer")
}

test_secret_variable_without_sensitive_fails if {
	some result in sensitive_variable.deny with input.resource as variable({"name": "db_password", "type": "string"})
		with input.related as []
	result.path == ["sensitive"]
	contains(result.message, "sensitive is not set, required true")
}

test_sensitive_secret_variable_passes if {
	sensitive_variable.deny == set() with input.resource as variable({"name": "db_password", "type": "string", "sensitive": true})
		with input.related as []
}

test_boolean_is_not_judged if {
	sensitive_variable.deny == {{"not_applicable": true}} with input.resource as variable({"name": "password_reset", "type": "bool"})
		with input.related as []
}

test_output_of_secret_variable_fails if {
	some result in sensitive_output.deny with input.resource as output({"name": "connection", "references": ["var.db_password"], "nonsensitive": false})
		with input.related as []
	result.path == ["sensitive"]
}

test_nonsensitive_output_fails if {
	some result in sensitive_output.deny with input.resource as output({"name": "x", "references": ["aws_iam_access_key.ci.secret"], "nonsensitive": true})
		with input.related as []
	result.path == ["sensitive"]
}

test_plain_output_is_not_judged if {
	sensitive_output.deny == {{"not_applicable": true}} with input.resource as output({"name": "bucket_arn", "references": ["aws_s3_bucket.b.arn"], "nonsensitive": false})
		with input.related as []
}

test_sensitive_output_passes if {
	sensitive_output.deny == set() with input.resource as output({"name": "db_password", "references": ["random_password.db.result"], "sensitive": true, "nonsensitive": false})
		with input.related as []
}

test_ephemeral_secret_variable_passes if {
	sensitive_variable.deny == set() with input.resource as variable({"name": "db_password", "type": "string", "ephemeral": true})
		with input.related as []
}
