# ENC-SAGEMAKER-002: SageMaker endpoint configurations encrypt the instances' storage with a customer-managed key.
package iacgate.rules.encryption.aws_svc_sagemaker_endpoint_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

# Serverless variants have no ML storage volume and SageMaker rejects a KMS key for them: a configuration
# whose every production variant is serverless is not judged.
serverless if {
	variants := lib.attr_blocks("production_variants")
	count(variants) > 0
	every variant in variants {
		count(lib.blocks(aws_svc.svc_field(variant, "serverless_config"))) > 0
	}
}

deny contains violation if {
	not serverless
	violation := aws_svc.svc_cmk_violation("kms_key_arn", "SageMaker endpoint configuration")
}
