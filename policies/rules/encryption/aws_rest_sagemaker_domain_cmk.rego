# ENC-SAGEMAKER-003: SageMaker domains encrypt their EFS volume with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_sagemaker_domain_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "SageMaker domain")
}
