# ENC-MSK-001: MSK clusters encrypt broker storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_data_msk_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_data
import rego.v1

# Terraform and Pulumi encryption_info.encryption_at_rest_kms_key_arn; CloudFormation
# EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId.
key := aws_data.data_subsetting("encryption_info", "encryption_at_rest", "data_volume_kms_key_id") if {
	input.resource.format == "cloudformation"
} else := aws_data.data_setting("encryption_info", "encryption_at_rest_kms_key_arn")

deny contains lib.violation(key.path, msg) if {
	not aws.customer_managed_key("encryption_info", key.value)
	msg := concat("", [
		"MSK cluster encrypts broker storage with the AWS-managed key: encryption_at_rest_kms_key_arn is ",
		lib.show(key.value), ", required a customer-managed key",
	])
}
