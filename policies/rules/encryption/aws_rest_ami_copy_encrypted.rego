# ENC-EC2-006: AMI copies are encrypted.
package iacgate.rules.encryption.aws_rest_ami_copy_encrypted

import data.iacgate.lib
import rego.v1

# encrypted = false copies an unencrypted source as unencrypted; not set, the copy keeps the source AMI's
# encryption, which the copy does not show.
deny contains lib.violation(["encrypted"], msg) if {
	lib.is_set(lib.attr("encrypted"))
	not lib.is_true(lib.attr("encrypted"))
	msg := concat("", ["AMI copy is not encrypted: encrypted is ", lib.attr_text("encrypted"), ", required true"])
}

deny contains lib.undetermined(["encrypted"], msg) if {
	not lib.is_set(lib.attr("encrypted"))
	msg := concat("", [
		"AMI copy keeps the encryption of the AMI it copies (source_ami_id is ", lib.attr_text("source_ami_id"),
		"), which the scanned configuration does not show: encrypted is not set, required true",
	])
}
