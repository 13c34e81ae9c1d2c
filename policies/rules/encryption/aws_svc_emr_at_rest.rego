# ENC-EMR-001: EMR security configurations enable at-rest encryption.
package iacgate.rules.encryption.aws_svc_emr_at_rest

import data.iacgate.lib.aws_svc
import rego.v1

deny contains finding if {
	value := aws_svc.svc_emr_switch("EnableAtRestEncryption", "enable_at_rest_encryption")
	some finding in aws_svc.svc_emr_switch_findings(
		value, "EnableAtRestEncryption",
		"encrypt data at rest",
		"true with an AtRestEncryptionConfiguration",
	)
}
