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

test_cloudformation_plain_ssm_reference_read_as_unknown_fails if {
	some result in rule.deny with input.resource as in_format(
		testing.resource("aws_docdb_cluster", {"master_password": {"__unknown__": "dynamic reference {{resolve:ssm:...}} resolved at deploy time"}}),
		"cloudformation",
	)
		with input.related as []
	result.path == ["master_password"]
	result.decided
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

plan_db(attributes) := testing.resource("aws_db_instance", attributes)

test_plans_are_judged_on_the_origin_their_configuration_gives if {
	count(rule.deny) == 0 with input.resource as plan_db({"password": "from-secrets-manager", "__plan_origins__": {"password": "injected"}})
		with input.related as []
	some literal in rule.deny with input.resource as plan_db({"password": "Plan-Literal-Pw1", "__plan_origins__": {"password": "literal"}})
		with input.related as []
	literal.path == ["password"]
	not contains(literal.message, "Plan-Literal-Pw1")
	not literal.status
}

test_a_masked_plan_value_is_judged_by_its_origin if {
	some masked in rule.deny with input.resource as plan_db({"__plan_origins__": {"password": "literal"}})
		with input.related as []
	masked.path == ["password"]
}

test_a_plan_that_cannot_tell_is_undetermined if {
	some local in rule.deny with input.resource as plan_db({"password": "x", "__plan_origins__": {"password": "unresolved"}})
		with input.related as []
	local.status == "undetermined"
	some bare in rule.deny with input.resource as plan_db({"password": "x"}) with input.related as []
	bare.status == "undetermined"
	contains(bare.message, "no configuration")
}

test_pulumi_secret_shown_by_show_secrets_passes if {
	count(rule.deny) == 0 with input.resource as in_format(
		db({"password": "hunter2", "__pulumi_secrets__": ["password"]}),
		"pulumi",
	)
		with input.related as []
}

test_opensearch_master_user_password_literal_fails if {
	options := {"master_user_options": [{"master_user_name": "admin", "master_user_password": "Barbarbarbar1!"}]}
	domain := testing.resource("aws_opensearch_domain", {"advanced_security_options": [options]})
	some result in rule.deny with input.resource as domain
		with input.related as []
	result.path == ["advanced_security_options", 0, "master_user_options", 0, "master_user_password"]
}

test_pulumi_broker_user_secret_shown_in_clear_passes if {
	broker := object.union(
		testing.resource("aws_mq_broker", {"users": [{"password": "shown", "username": "admin"}], "__pulumi_secrets__": ["users[0].password"]}),
		{"format": "pulumi"},
	)
	count(rule.deny) == 0 with input.resource as broker
		with input.related as []
}

test_plan_block_computed_by_the_provider_is_not_applicable if {
	domain := object.union(
		testing.resource("aws_elasticsearch_domain", {"advanced_security_options": testing.unknown}),
		{"format": "terraform-plan"},
	)
	rule.deny == {{"not_applicable": true}} with input.resource as domain
		with input.related as []
}

test_write_only_password_literal_fails if {
	some result in rule.deny with input.resource as db({"password_wo": "UberSecretPassword", "password_wo_version": 1})
		with input.related as []
	result.path == ["password_wo"]
}
