# ENC-LAMBDA-001: Lambda functions encrypt their environment variables with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_lambda_environment_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

subject := "Lambda function environment"

# The function's environment variables (Terraform and Pulumi environment.variables, CloudFormation
# Environment.Variables): without any there is nothing to encrypt and the rule does not judge the function.
variables := aws_data.data_setting("environment", "variables").value

# The environment block, or its variables, unknown until apply (a dynamic block, `variables =
# var.environment_variables`, CloudFormation Environment: !If [Cond, {...}, !Ref AWS::NoValue]): the function
# may have variables to encrypt, or none.
environment_unknown if lib.is_unknown(lib.attr("environment"))

environment_unknown if lib.is_unknown(variables)

deny contains {"not_applicable": true} if {
	not lib.is_set(variables)
	not environment_unknown
}

deny contains violation if {
	lib.is_set(variables)
	not environment_unknown
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", subject)
}

# Variables unknown until apply: a key that is not customer-managed is undetermined, since the function may
# have nothing to encrypt; a customer-managed key passes either way.
deny contains lib.undetermined(finding.path, msg) if {
	environment_unknown
	some finding in aws_rest.rest_cmk_attr("kms_key_arn", subject)
	msg := concat("", [
		subject, " may not be encrypted with a customer-managed KMS key: environment.variables is unknown until",
		" apply (a function without any is not judged) and kms_key_arn is ",
		aws.kms_key_text("kms_key_arn", lib.attr("kms_key_arn")),
		", required the ARN of a customer-managed key",
	])
}
