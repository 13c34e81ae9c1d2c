# ENC-OPENSEARCH-004: OpenSearch domains encrypt data at rest with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_opensearch_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# encrypt_at_rest.kms_key_id (CloudFormation EncryptionAtRestOptions.KmsKeyId); without one the domain uses
# the AWS-managed key aws/es.
deny contains violation if {
	some violation in aws_rest.rest_cmk_nested("encrypt_at_rest", "kms_key_id", "OpenSearch domain")
}
