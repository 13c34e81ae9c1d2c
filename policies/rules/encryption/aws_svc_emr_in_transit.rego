# ENC-EMR-002: EMR security configurations enable in-transit encryption.
package iacgate.rules.encryption.aws_svc_emr_in_transit

import data.iacgate.lib.aws_svc
import rego.v1

deny contains finding if {
	value := aws_svc.svc_emr_switch("EnableInTransitEncryption", "enable_in_transit_encryption")
	some finding in aws_svc.svc_emr_switch_findings(
		value, "EnableInTransitEncryption",
		"encrypt data in transit",
		"true with an InTransitEncryptionConfiguration (TLS certificates)",
	)
}
