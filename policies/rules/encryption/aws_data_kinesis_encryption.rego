# ENC-KINESIS-001: Kinesis data streams encrypt records at rest with KMS.
package iacgate.rules.encryption.aws_data_kinesis_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# Terraform and Pulumi encryption_type; CloudFormation StreamEncryption.EncryptionType.
encryption := aws_data.data_setting("stream_encryption", "encryption_type") if {
	input.resource.format == "cloudformation"
} else := {"path": ["encryption_type"], "value": lib.attr("encryption_type")}

# The AWS provider accepts encryption_type in any case ("kms" is KMS).
kms if {
	is_string(encryption.value)
	upper(encryption.value) == "KMS"
}

deny contains lib.violation(encryption.path, msg) if {
	not kms
	msg := concat("", [
		"Kinesis stream stores records unencrypted: encryption_type is ", lib.show(encryption.value),
		", required KMS",
	])
}
