package iacgate.rules.encryption.aws_data_firehose_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_firehose_encryption as rule
import rego.v1

firehose_cfn_resource(attributes) := object.union(
	testing.resource("aws_kinesis_firehose_delivery_stream", attributes),
	{"format": "cloudformation"},
)

test_firehose_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_kinesis_firehose_delivery_stream",
		{"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]},
	)
		with input.related as []
}

test_firehose_stream_source_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as testing.resource(
		"aws_kinesis_firehose_delivery_stream",
		{"kinesis_source_configuration": [{"kinesis_stream_arn": "arn"}]},
	)
		with input.related as []
}

test_firehose_disabled_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_kinesis_firehose_delivery_stream",
		{"server_side_encryption": [{"enabled": false}]},
	)
		with input.related as []
	result.path == ["server_side_encryption", 0, "enabled"]
	contains(result.message, "server_side_encryption.enabled is false, required true")
}

test_firehose_cfn_without_encryption_fails if {
	some result in rule.deny with input.resource as firehose_cfn_resource({"name": "x"})
		with input.related as []
	result.path == ["server_side_encryption"]
}

test_firehose_cfn_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as firehose_cfn_resource({"server_side_encryption": {"key_type": "AWS_OWNED_CMK"}})
		with input.related as []
}

test_firehose_cfn_type_unknown_undetermined if {
	some result in rule.deny with input.resource as object.union(
		testing.resource("aws_kinesis_firehose_delivery_stream", {"delivery_stream_type": testing.unknown}),
		{"format": "cloudformation"},
	)
		with input.related as []
	result.path == ["delivery_stream_type"]
}

test_firehose_cfn_msk_source_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as object.union(
		testing.resource("aws_kinesis_firehose_delivery_stream", {"delivery_stream_type": "MSKAsSource"}),
		{"format": "cloudformation"},
	)
		with input.related as []
}
