# RES-GLOBAL-001: global services (CloudFront, IAM, Route 53, global WAF...) are used only when allowed.
package iacgate.rules.residency.global_service

import data.iacgate.lib
import data.iacgate.lib.residency
import rego.v1

# A WAFv2 web ACL is global only with scope CLOUDFRONT; a REGIONAL one stays in its region.
regional_waf if {
	input.resource.type == "aws_wafv2_web_acl"
	upper(lib.attr("scope")) == "REGIONAL"
}

deny contains lib.violation([], msg) if {
	residency.global_services == "deny"
	not regional_waf
	msg := concat("", [input.resource.type, " is a global service: its data leaves the allowed regions (", residency.allowed_text, "); set residency.global_services: allow to accept global services"])
}
