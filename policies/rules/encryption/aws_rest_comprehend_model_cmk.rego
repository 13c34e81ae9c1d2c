# ENC-COMPREHEND-001: Comprehend document classifiers and entity recognizers encrypt their trained models,
# training volumes and (document classifiers) training output with customer-managed KMS keys.
package iacgate.rules.encryption.aws_rest_comprehend_model_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some name in ["model_kms_key_id", "volume_kms_key_id"]
	some violation in aws_rest.rest_cmk_attr(name, "Comprehend model")
}

# A document classifier that writes training output (output_data_config) encrypts it with its kms_key_id.
deny contains violation if {
	lib.is_set(lib.attr("output_data_config"))
	some violation in aws_rest.rest_cmk_nested("output_data_config", "kms_key_id", "Comprehend model")
}
