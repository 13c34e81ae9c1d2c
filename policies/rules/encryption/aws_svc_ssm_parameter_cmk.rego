# ENC-SSM-001: SSM SecureString parameters are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_ssm_parameter_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

# String and StringList parameters are not encrypted at all and hold no secrets by contract; only
# SecureString parameters (or a type unknown until apply) are judged.
deny contains violation if {
	not lib.attr("type") in {"String", "StringList"}
	violation := aws_svc.svc_cmk_violation("key_id", "SSM SecureString parameter")
}
