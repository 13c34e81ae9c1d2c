# ENC-SCHEDULER-001: EventBridge Scheduler schedules encrypt their target input with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_scheduler_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", "EventBridge schedule")
}
