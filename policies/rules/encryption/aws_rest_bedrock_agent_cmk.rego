# ENC-BEDROCK-001: Bedrock agents encrypt agent resources with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_bedrock_agent_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("customer_encryption_key_arn", "Bedrock agent")
}
