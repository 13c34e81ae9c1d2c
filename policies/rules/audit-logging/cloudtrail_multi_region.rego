# LOG-CLOUDTRAIL-001: CloudTrail trails record events in every region.
package iacgate.rules.audit_logging.cloudtrail_multi_region

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["is_multi_region_trail"], msg) if {
	not lib.is_true(lib.attr("is_multi_region_trail"))
	msg := sprintf("CloudTrail trail records only its home region: is_multi_region_trail is %s, required true", [lib.attr_text("is_multi_region_trail")])
}
