# ENC-CLOUDWATCH-001: CloudWatch log groups are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_cloudwatch_log_group_cmk

import data.iacgate.lib.aws_svc
import rego.v1

deny contains violation if violation := aws_svc.svc_cmk_violation("kms_key_id", "CloudWatch log group")
