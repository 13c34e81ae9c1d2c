package iacgate.rules.encryption.aws_data_kinesis_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_kinesis_encryption as rule
import rego.v1

kinesis_cfn_resource(attributes) := object.union(testing.resource("aws_kinesis_stream", attributes), {"format": "cloudformation"})

test_kinesis_kms_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_kinesis_stream", {"encryption_type": "KMS"})
		with input.related as []
}

test_kinesis_cfn_kms_passes if {
	count(rule.deny) == 0 with input.resource as kinesis_cfn_resource({"stream_encryption": {"encryption_type": "KMS"}})
		with input.related as []
}

test_kinesis_none_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_kinesis_stream", {"encryption_type": "NONE"})
		with input.related as []
	result.path == ["encryption_type"]
	contains(result.message, "encryption_type is NONE, required KMS")
}

test_kinesis_cfn_missing_fails if {
	some result in rule.deny with input.resource as kinesis_cfn_resource({"shard_count": 1})
		with input.related as []
	result.path == ["stream_encryption"]
}

test_kinesis_lower_case_kms_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_kinesis_stream", {"encryption_type": "kms"})
		with input.related as []
}
