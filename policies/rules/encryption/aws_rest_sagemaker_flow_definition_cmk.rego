# ENC-SAGEMAKER-004: SageMaker human review workflows (flow definitions) encrypt their output with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_sagemaker_flow_definition_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_nested("output_config", "kms_key_id", "SageMaker flow definition")
}
