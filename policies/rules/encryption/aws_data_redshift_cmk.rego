# ENC-REDSHIFT-001: Redshift clusters are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_data_redshift_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# Left out, `encrypted` takes the service default, which encrypts new clusters; only false is flagged.
deny contains lib.violation(["encrypted"], msg) if {
	lib.is_false(lib.attr("encrypted"))
	msg := "Redshift cluster is not encrypted: encrypted is false, required true"
}

deny contains lib.violation(["kms_key_id"], msg) if {
	not aws.customer_managed_key("kms_key_id", lib.attr("kms_key_id"))
	msg := concat("", [
		"Redshift cluster is not encrypted with a customer-managed KMS key: kms_key_id is ",
		lib.attr_text("kms_key_id"), ", required a customer-managed key",
	])
}

# `encrypted` unknown until apply may be false: undetermined, never a pass.
deny contains lib.violation(["encrypted"], msg) if {
	lib.is_unknown(lib.attr("encrypted"))
	msg := "Redshift cluster encryption is unknown: encrypted is unknown until apply, required true"
}
