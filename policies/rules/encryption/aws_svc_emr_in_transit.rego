# ENC-EMR-002: EMR security configurations enable in-transit encryption.
package iacgate.rules.encryption.aws_svc_emr_in_transit

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

deny contains lib.violation(["configuration"], msg) if {
	value := aws_svc.svc_emr_switch("EnableInTransitEncryption", "enable_in_transit_encryption")
	not lib.is_true(value)
	msg := concat("", [
		"EMR security configuration does not encrypt data in transit: EncryptionConfiguration.EnableInTransitEncryption is ",
		lib.show(value), ", required true with an InTransitEncryptionConfiguration (TLS certificates)",
	])
}
