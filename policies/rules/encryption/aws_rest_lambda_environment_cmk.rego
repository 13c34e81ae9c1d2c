# ENC-LAMBDA-001: Lambda functions encrypt their environment variables with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_lambda_environment_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# The function's environment variables (Terraform and Pulumi environment.variables, CloudFormation
# Environment.Variables): without any there is nothing to encrypt and the rule does not judge the function.
variables := aws_data.data_setting("environment", "variables").value

deny contains {"not_applicable": true} if {
	not lib.is_set(variables)
}

deny contains violation if {
	lib.is_set(variables)
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", "Lambda function environment")
}
