# ENC-APPFLOW-001: AppFlow flows encrypt the data they move with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_appflow_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_arn", "AppFlow flow")
}
