# RES-GLOBAL-001: global services (CloudFront, IAM, Route 53, global WAF...) are used only when allowed.
package iacgate.rules.residency.global_service

import data.iacgate.lib
import data.iacgate.lib.residency
import rego.v1

# A WAFv2 web ACL is global only with scope CLOUDFRONT; a REGIONAL one stays in its region.
# (upper of a scope unknown until apply is a builtin error: read strings only.)
regional_waf if {
	input.resource.type == "aws_wafv2_web_acl"
	scope := lib.attr("scope")
	is_string(scope)
	upper(scope) == "REGIONAL"
}

# A scope unknown until apply may be CLOUDFRONT: the result is at the scope, so undetermined.
waf_scope_unknown if {
	input.resource.type == "aws_wafv2_web_acl"
	lib.is_unknown(lib.attr("scope"))
}

deny contains lib.violation(["scope"], msg) if {
	residency.global_services == "deny"
	waf_scope_unknown
	msg := concat("", ["aws_wafv2_web_acl may be a global service (scope CLOUDFRONT): scope is unknown until apply; a global service's data leaves the allowed regions (", residency.allowed_text, "), required REGIONAL or residency.global_services: allow"])
}

deny contains lib.violation([], msg) if {
	residency.global_services == "deny"
	not regional_waf
	not waf_scope_unknown
	msg := concat("", [input.resource.type, " is a global service: its data leaves the allowed regions (", residency.allowed_text, "); set residency.global_services: allow to accept global services"])
}
