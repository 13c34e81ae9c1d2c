package iacgate.rules.encryption.sqs_queue_encryption_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.sqs_queue_encryption
import rego.v1

test_kms_key_passes if {
	count(sqs_queue_encryption.deny) == 0 with input.resource as testing.resource("aws_sqs_queue", {"kms_master_key_id": testing.unknown, "sqs_managed_sse_enabled": testing.unknown})
		with input.related as []
}

test_sse_sqs_passes if {
	count(sqs_queue_encryption.deny) == 0 with input.resource as testing.resource("aws_sqs_queue", {"kms_master_key_id": null, "sqs_managed_sse_enabled": true})
		with input.related as []
}

test_disabled_encryption_fails if {
	some result in sqs_queue_encryption.deny with input.resource as testing.resource("aws_sqs_queue", {"kms_master_key_id": null, "sqs_managed_sse_enabled": false})
		with input.related as []
	result.path == ["sqs_managed_sse_enabled"]
}

# SSE-SQS off and a KMS key a condition may leave unset: the queue may be unencrypted.
test_sse_off_with_a_key_a_condition_may_leave_unset_is_reported_at_the_key if {
	some result in sqs_queue_encryption.deny with input.resource as testing.resource("aws_sqs_queue", {"sqs_managed_sse_enabled": false, "kms_master_key_id": {"__unknown__": "Fn::If on condition IsProd, which cannot be evaluated; a branch leaves it unset"}})
		with input.related as []
	result.path == ["kms_master_key_id"]
}

test_sse_on_with_a_key_a_condition_may_leave_unset_passes if {
	count(sqs_queue_encryption.deny) == 0 with input.resource as testing.resource("aws_sqs_queue", {"kms_master_key_id": {"__unknown__": "Fn::If on condition IsProd, which cannot be evaluated; a branch leaves it unset"}})
		with input.related as []
}
