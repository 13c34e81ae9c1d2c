# ENC-IMAGEBUILDER-001: Image Builder components are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_imagebuilder_component_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "Image Builder component")
}
