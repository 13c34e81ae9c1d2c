# ENC-EC2-007: AMI copies are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_ami_copy_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

# Not encrypted and no key: the copy keeps the source AMI's snapshots and their key, which is not shown.
from_source if {
	not lib.is_set(lib.attr("encrypted"))
	not lib.is_set(lib.attr("kms_key_id"))
}

deny contains violation if {
	not from_source
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "AMI copy")
}

deny contains lib.undetermined(["kms_key_id"], msg) if {
	from_source
	msg := concat("", [
		"AMI copy keeps the key of the AMI it copies (source_ami_id is ", lib.attr_text("source_ami_id"),
		"), which the scanned configuration does not show: kms_key_id is not set, required the ARN or alias of a",
		" customer-managed key",
	])
}
