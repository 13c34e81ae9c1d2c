# ENC-SECRETSMANAGER-001: Secrets Manager secrets are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_secretsmanager_cmk

import data.iacgate.lib.aws_svc
import rego.v1

deny contains violation if violation := aws_svc.svc_cmk_violation("kms_key_id", "Secrets Manager secret")
