package iacgate.rules.secrets_and_state.aws_credentials_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.aws_credentials as rule
import rego.v1

db(attributes) := in_format(testing.resource("aws_db_instance", attributes), "terraform")

in_format(resource, format) := object.union(resource, {"format": format})

test_literal_password_fails_without_printing_it if {
	some result in rule.deny with input.resource as in_format(db({"password": "changeme-1234"}), "terraform")
		with input.related as []
	result.path == ["password"]
	contains(result.message, "password is a literal")
	not contains(result.message, "changeme")
}

test_number_password_fails if {
	some result in rule.deny with input.resource as in_format(db({"password": 12345678}), "terraform")
		with input.related as []
	result.path == ["password"]
}

test_unknown_password_passes if {
	count(rule.deny) == 0 with input.resource as db({"password": testing.unknown})
		with input.related as []
}

test_managed_password_passes if {
	count(rule.deny) == 0 with input.resource as db({"manage_master_user_password": true})
		with input.related as []
}

test_no_credential_is_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as in_format(testing.resource("aws_elasticache_replication_group", {}), "terraform")
		with input.related as []
}

test_cloudformation_dynamic_references_pass if {
	count(rule.deny) == 0 with input.resource as in_format(
		testing.resource("aws_rds_cluster", {"master_password": "{{resolve:secretsmanager:prod/db:SecretString:password}}"}),
		"cloudformation",
	)
		with input.related as []
	count(rule.deny) == 0 with input.resource as in_format(
		testing.resource("aws_redshift_cluster", {"master_password": "{{resolve:ssm-secure:/prod/redshift}}"}),
		"cloudformation",
	)
		with input.related as []
}

test_cloudformation_plain_ssm_reference_fails if {
	some result in rule.deny with input.resource as in_format(
		testing.resource("aws_docdb_cluster", {"master_password": "{{resolve:ssm:/prod/docdb}}"}),
		"cloudformation",
	)
		with input.related as []
	result.path == ["master_password"]
}

test_pulumi_plaintext_state_fails if {
	some result in rule.deny with input.resource as in_format(
		testing.resource("aws_elasticache_replication_group", {"auth_token": "0123456789abcdef0123"}),
		"pulumi",
	)
		with input.related as []
	contains(result.message, "plaintext in the stack state")
}

test_pulumi_masked_secret_passes if {
	count(rule.deny) == 0 with input.resource as in_format(db({"password": "[secret]"}), "pulumi")
		with input.related as []
}

test_plans_are_not_judged if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_db_instance", {"password": "from-secrets-manager"})
		with input.related as []
}

test_pulumi_secret_shown_by_show_secrets_passes if {
	count(rule.deny) == 0 with input.resource as in_format(
		db({"password": "hunter2", "__pulumi_secrets__": ["password"]}),
		"pulumi",
	)
		with input.related as []
}
