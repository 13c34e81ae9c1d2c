# ENC-DLM-002: DLM lifecycle policies encrypt the snapshots they copy to other regions with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_dlm_copy_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_dlm
import data.iacgate.lib.aws_rest
import rego.v1

deny contains {"not_applicable": true} if {
	count(aws_dlm.dlm_copies) == 0
	count(aws_dlm.dlm_unknown) == 0
}

deny contains lib.undetermined(path, "DLM lifecycle policy may not encrypt its cross-region copies with a customer-managed KMS key: its copy rules are unknown until apply") if {
	some path in aws_dlm.dlm_unknown
}

# cmk_arn applies only to encrypted copies: a copy rule that does not encrypt has no customer key.
deny contains lib.violation(array.concat(copy.path, ["encrypted"]), msg) if {
	some copy in aws_dlm.dlm_copies
	value := object.get(copy.settings, "encrypted", null)
	not lib.is_true(value)
	msg := concat("", [
		"DLM lifecycle policy does not encrypt its cross-region copies with a customer-managed KMS key: ",
		copy.label, ".encrypted is ", lib.show(value), ", required true with cmk_arn",
	])
}

deny contains violation if {
	some copy in aws_dlm.dlm_copies
	lib.is_true(object.get(copy.settings, "encrypted", null))
	label := concat("", [copy.label, ".cmk_arn"])
	some violation in aws_rest.rest_cmk_findings(
		"policy_details", array.concat(copy.path, ["cmk_arn"]),
		object.get(copy.settings, "cmk_arn", null), label, "DLM lifecycle policy",
	)
}
