# ENC-SSM-001: SSM SecureString parameters are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_ssm_parameter_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

parameter_type := lib.attr("type")

# String and StringList parameters are not encrypted at all and hold no secrets by contract: not judged.
plain if parameter_type in {"String", "StringList"}

# AWS::SSM::Parameter takes String and StringList only (CloudFormation cannot create a SecureString), so a
# template's parameter is plain whatever its Type, even one given by a template parameter or a condition.
plain if input.resource.format == "cloudformation"

deny contains {"not_applicable": true} if plain

deny contains violation if {
	not plain
	not lib.is_unknown(parameter_type)
	violation := aws_svc.svc_cmk_violation("key_id", "SSM SecureString parameter")
}

# A type unknown until apply may be SecureString: without a customer-managed key, undetermined (not failed).
deny contains lib.undetermined(["type"], msg) if {
	not plain
	lib.is_unknown(parameter_type)
	finding := aws_svc.svc_cmk_violation("key_id", "SSM SecureString parameter")
	msg := concat("", [finding.message, " (if type is SecureString: type is unknown until apply)"])
}
