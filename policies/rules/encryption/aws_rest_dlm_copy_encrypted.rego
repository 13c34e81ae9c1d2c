# ENC-DLM-001: DLM lifecycle policies encrypt the snapshots they copy to other regions.
package iacgate.rules.encryption.aws_rest_dlm_copy_encrypted

import data.iacgate.lib
import data.iacgate.lib.aws_dlm
import rego.v1

# A policy that copies nothing to another region is not judged.
deny contains {"not_applicable": true} if {
	count(aws_dlm.dlm_copies) == 0
	count(aws_dlm.dlm_unknown) == 0
}

deny contains lib.undetermined(path, "DLM lifecycle policy may copy snapshots unencrypted: its copy rules are unknown until apply") if {
	some path in aws_dlm.dlm_unknown
}

deny contains lib.violation(array.concat(copy.path, ["encrypted"]), msg) if {
	some copy in aws_dlm.dlm_copies
	value := object.get(copy.settings, "encrypted", null)
	not lib.is_true(value)
	msg := concat("", [
		"DLM lifecycle policy may copy snapshots to another region unencrypted: ", copy.label, ".encrypted is ",
		lib.show(value), ", required true",
	])
}
