# ENC-DAX-001: DAX clusters encrypt data at rest.
package iacgate.rules.encryption.aws_data_dax_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# Terraform and Pulumi server_side_encryption.enabled; CloudFormation SSESpecification.SSEEnabled.
key := "sse_enabled" if input.resource.format == "cloudformation"

else := "enabled"

deny contains aws_data.data_setting_not_true(setting, concat(".", ["server_side_encryption", key]), msg) if {
	setting := aws_data.data_setting("server_side_encryption", key)
	not lib.is_true(setting.value)
	msg := "DAX cluster does not encrypt data at rest"
}
