# Unit tests of ENC-NETWORKFIREWALL-001, ENC-KEYSPACES-001, ENC-SCHEDULER-001 and ENC-BEDROCK-001.
package iacgate.rules.encryption.aws_rest_typed_key_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_bedrock_agent_cmk
import data.iacgate.rules.encryption.aws_rest_keyspaces_cmk
import data.iacgate.rules.encryption.aws_rest_network_firewall_cmk
import data.iacgate.rules.encryption.aws_rest_scheduler_cmk
import rego.v1

rest_typed_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_network_firewall_type_and_key if {
	some missing in aws_rest_network_firewall_cmk.deny with input.resource as testing.resource("aws_networkfirewall_rule_group", {})
		with input.related as []
	missing.path == ["encryption_configuration"]
	some owned in aws_rest_network_firewall_cmk.deny with input.resource as testing.resource("aws_networkfirewall_firewall", {"encryption_configuration": [{"type": "AWS_OWNED_KMS_KEY"}]})
		with input.related as []
	owned.path == ["encryption_configuration", 0, "type"]
	count(aws_rest_network_firewall_cmk.deny) == 1 with input.resource as testing.resource("aws_networkfirewall_firewall_policy", {"encryption_configuration": {"type": "CUSTOMER_KMS"}})
		with input.related as []
	count(aws_rest_network_firewall_cmk.deny) == 0 with input.resource as testing.resource("aws_networkfirewall_firewall_policy", {"encryption_configuration": {"type": "CUSTOMER_KMS", "key_id": rest_typed_key}})
		with input.related as []
}

test_keyspaces if {
	count(aws_rest_keyspaces_cmk.deny) == 1 with input.resource as testing.resource("aws_keyspaces_table", {"encryption_specification": [{"type": "AWS_OWNED_KMS_KEY"}]})
		with input.related as []
	count(aws_rest_keyspaces_cmk.deny) == 0 with input.resource as testing.resource("aws_keyspaces_table", {"encryption_specification": [{"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_identifier": rest_typed_key}]})
		with input.related as []
}

test_scheduler_and_bedrock if {
	count(aws_rest_scheduler_cmk.deny) == 1 with input.resource as testing.resource("aws_scheduler_schedule", {})
		with input.related as []
	count(aws_rest_scheduler_cmk.deny) == 0 with input.resource as testing.resource("aws_scheduler_schedule", {"kms_key_arn": rest_typed_key})
		with input.related as []
	count(aws_rest_bedrock_agent_cmk.deny) == 1 with input.resource as testing.resource("aws_bedrockagent_agent", {"customer_encryption_key_arn": "alias/aws/bedrock"})
		with input.related as []
	count(aws_rest_bedrock_agent_cmk.deny) == 0 with input.resource as testing.resource("aws_bedrockagent_agent", {"customer_encryption_key_arn": rest_typed_key})
		with input.related as []
}
