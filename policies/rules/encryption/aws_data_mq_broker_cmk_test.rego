package iacgate.rules.encryption.aws_data_mq_broker_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_mq_broker_cmk as rule
import rego.v1

test_mq_cmk_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_mq_broker",
		{"engine_type": "ActiveMQ", "encryption_options": [{"use_aws_owned_key": false, "kms_key_id": testing.unknown}]},
	)
		with input.related as [testing.key_reference("encryption_options")]
}

test_mq_rabbitmq_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_mq_broker", {"engine_type": "RabbitMQ"})
		with input.related as []
}

test_mq_rabbitmq_upper_case_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_mq_broker", {"engine_type": "RABBITMQ"})
		with input.related as []
}

test_mq_engine_unknown_reported_at_engine if {
	some result in rule.deny with input.resource as testing.resource("aws_mq_broker", {"engine_type": testing.unknown})
		with input.related as []
	result.path == ["engine_type"]
}

test_mq_engine_unknown_no_other_finding if {
	results := rule.deny with input.resource as testing.resource("aws_mq_broker", {"engine_type": testing.unknown})
		with input.related as []
	count(results) == 1
}

test_mq_default_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_mq_broker", {"engine_type": "ActiveMQ"})
		with input.related as []
	result.path == ["encryption_options"]
	contains(result.message, "use_aws_owned_key is not set, required false")
}

test_mq_aws_managed_key_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_mq_broker",
		{"engine_type": "ActiveMQ", "encryption_options": {"use_aws_owned_key": false}},
	)
		with input.related as []
	result.path == ["encryption_options", "kms_key_id"]
	contains(result.message, "kms_key_id is not set, required a customer-managed key")
}

# A key from a variable without a value may be an AWS-managed key: a finding at the unknown key, which the
# engine reports as undetermined, not a pass.
test_unknown_key_without_a_key_resource_is_not_a_pass if {
	count(rule.deny) > 0 with input.resource as testing.resource("aws_mq_broker", {"engine_type": "ActiveMQ", "encryption_options": [{"use_aws_owned_key": false, "kms_key_id": testing.unknown}]})
		with input.related as []
}
