# ENC-COMPREHEND-001: Comprehend document classifiers and entity recognizers encrypt their trained models
# and training volumes with customer-managed KMS keys.
package iacgate.rules.encryption.aws_rest_comprehend_model_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some name in ["model_kms_key_id", "volume_kms_key_id"]
	some violation in aws_rest.rest_cmk_attr(name, "Comprehend model")
}
