# ENC-EBS-001: EBS volumes are encrypted at rest.
package iacgate.rules.encryption.ebs_volume

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["encrypted"], msg) if {
	not lib.is_true(lib.attr("encrypted"))
	msg := sprintf("EBS volume is not encrypted at rest: encrypted is %s, required true", [lib.attr_text("encrypted")])
}
