# ENC-DMS-001: DMS endpoints encrypt connection settings with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_dms_endpoint_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# aws_dms_endpoint, and aws_dms_s3_endpoint (the S3 endpoint's own Terraform type; CloudFormation and the
# generic type write it as an endpoint with engine s3): kms_key_arn encrypts the connection parameters.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", "DMS endpoint")
}
