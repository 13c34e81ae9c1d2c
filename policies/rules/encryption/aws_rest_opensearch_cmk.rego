# ENC-OPENSEARCH-004: OpenSearch domains encrypt data at rest with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_opensearch_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# encrypt_at_rest.kms_key_id (CloudFormation EncryptionAtRestOptions.KmsKeyId); without one the domain uses
# the AWS-managed key aws/es.
deny contains violation if {
	some violation in aws_rest.rest_cmk_nested("encrypt_at_rest", "kms_key_id", "OpenSearch domain")
}

# A key is used only with encrypt_at_rest.enabled = true (EncryptionAtRestOptions.Enabled; false when not
# set): a domain that names a key without it stores its data unencrypted. Unknown until apply: undetermined.
enabled := aws_data.data_setting("encrypt_at_rest", "enabled")

deny contains lib.violation(enabled.path, msg) if {
	lib.is_set(aws_data.data_setting("encrypt_at_rest", "kms_key_id").value)
	not lib.is_true(enabled.value)
	msg := concat("", [
		"OpenSearch domain is not encrypted with a customer-managed KMS key: encrypt_at_rest.enabled is ",
		lib.show(enabled.value), ", required true (encrypt_at_rest.kms_key_id is used only then)",
	])
}
