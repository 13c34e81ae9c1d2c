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
