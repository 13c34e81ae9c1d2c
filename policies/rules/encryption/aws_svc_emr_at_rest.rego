# ENC-EMR-001: EMR security configurations enable at-rest encryption.
package iacgate.rules.encryption.aws_svc_emr_at_rest

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

deny contains lib.violation(["configuration"], msg) if {
	value := aws_svc.svc_emr_switch("EnableAtRestEncryption", "enable_at_rest_encryption")
	not lib.is_true(value)
	msg := concat("", [
		"EMR security configuration does not encrypt data at rest: EncryptionConfiguration.EnableAtRestEncryption is ",
		lib.show(value), ", required true with an AtRestEncryptionConfiguration",
	])
}
