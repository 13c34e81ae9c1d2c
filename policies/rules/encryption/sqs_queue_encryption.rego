# ENC-SQS-001: SQS queues encrypt messages at rest (SSE-KMS or SSE-SQS).
package iacgate.rules.encryption.sqs_queue_encryption

import data.iacgate.lib
import rego.v1

# SSE-SQS is on for new queues unless switched off, so only an explicit false without a KMS key fails.
deny contains lib.violation(["sqs_managed_sse_enabled"], msg) if {
	not lib.is_set(lib.attr("kms_master_key_id"))
	lib.is_false(lib.attr("sqs_managed_sse_enabled"))
	msg := "SQS queue stores messages unencrypted: sqs_managed_sse_enabled is false and kms_master_key_id is not set"
}

# A KMS key chosen by a condition that cannot be evaluated, one of whose branches leaves it unset
# (!If [Cond, !Ref Key, !Ref AWS::NoValue]), with SSE-SQS switched off: the queue may be unencrypted.
deny contains lib.violation(["kms_master_key_id"], msg) if {
	lib.unknown_maybe_unset(lib.attr("kms_master_key_id"))
	lib.is_false(lib.attr("sqs_managed_sse_enabled"))
	msg := "SQS queue may store messages unencrypted: sqs_managed_sse_enabled is false and kms_master_key_id is unknown until apply and may be left unset"
}

# Unknown until apply (and no KMS key): undetermined, never a pass. Not in a plan: the AWS provider
# computes sqs_managed_sse_enabled, so a plan shows it unknown whenever the configuration leaves it out,
# and that is the provider's default (SSE-SQS on).
deny contains lib.violation(["sqs_managed_sse_enabled"], msg) if {
	input.resource.format != "terraform-plan"
	not lib.is_set(lib.attr("kms_master_key_id"))
	lib.is_unknown(lib.attr("sqs_managed_sse_enabled"))
	msg := "SQS queue encryption is unknown: sqs_managed_sse_enabled is unknown until apply and kms_master_key_id is not set, required true or a KMS key"
}
