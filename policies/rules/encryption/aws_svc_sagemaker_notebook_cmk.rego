# ENC-SAGEMAKER-001: SageMaker notebook instances encrypt their ML storage volume with a customer-managed key.
package iacgate.rules.encryption.aws_svc_sagemaker_notebook_cmk

import data.iacgate.lib.aws_svc
import rego.v1

deny contains violation if violation := aws_svc.svc_cmk_violation("kms_key_id", "SageMaker notebook instance")
