# ENC-BACKUP-001: AWS Backup vaults encrypt recovery points with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_backup_vault_cmk

import data.iacgate.lib.aws_svc
import rego.v1

deny contains violation if violation := aws_svc.svc_cmk_violation("kms_key_arn", "Backup vault")
