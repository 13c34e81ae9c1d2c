# ENC-EC2-006: AMI copies are encrypted.
package iacgate.rules.encryption.aws_rest_ami_copy_encrypted

import data.iacgate.lib
import rego.v1

# encrypted defaults to false and the provider always passes it to CopyImage: not set and false are one
# request, whose copy of an unencrypted AMI stays unencrypted (a copy of an encrypted AMI stays encrypted,
# which the copy does not show). A plan shows the default, false. Unknown until apply: undetermined.
deny contains lib.violation(["encrypted"], msg) if {
	not lib.is_true(lib.attr("encrypted"))
	msg := concat("", [
		"AMI copy is not encrypted unless the AMI it copies is: encrypted is ", lib.attr_text("encrypted"),
		lib.when_not_set(lib.attr("encrypted"), "false"), ", required true",
	])
}
