# ENC-EBS-002: the account's default EBS encryption is not switched off.
package iacgate.rules.encryption.aws_data_ebs_default_encryption

import data.iacgate.lib
import rego.v1

# The resource's own default is enabled = true, so only an explicit false is flagged.
deny contains lib.violation(["enabled"], msg) if {
	lib.is_false(lib.attr("enabled"))
	msg := "Account default EBS encryption is switched off: enabled is false, required true"
}

# Unknown until apply: undetermined, never a pass.
deny contains lib.violation(["enabled"], msg) if {
	lib.is_unknown(lib.attr("enabled"))
	msg := "Account default EBS encryption is unknown: enabled is unknown until apply, required true"
}
