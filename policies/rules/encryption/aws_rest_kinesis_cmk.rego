# ENC-KINESIS-002: Kinesis data streams encrypt records with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_kinesis_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# Terraform and Pulumi kms_key_id; CloudFormation StreamEncryption.KeyId.
deny contains violation if {
	input.resource.format != "cloudformation"
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "Kinesis stream")
}

deny contains violation if {
	input.resource.format == "cloudformation"
	setting := aws_data.data_setting("stream_encryption", "key_id")
	some violation in aws_rest.rest_cmk_findings("stream_encryption", setting.path, setting.value, "stream_encryption.key_id", "Kinesis stream")
}

# encryption_type other than KMS (NONE, the default) does not encrypt at all (Terraform and Pulumi).
deny contains lib.violation(["encryption_type"], msg) if {
	input.resource.format != "cloudformation"
	not lib.attr("encryption_type") == "KMS"
	msg := concat("", [
		"Kinesis stream is not encrypted with a customer-managed KMS key: encryption_type is ",
		lib.attr_text("encryption_type"), ", required KMS",
	])
}
