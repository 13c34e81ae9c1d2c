# LOG-VPC-001: VPCs have flow logs that record rejected traffic.
package iacgate.rules.audit_logging.vpc_flow_logs

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

flow_logs := lib.referrers("aws_flow_log")

deny contains lib.violation([], "VPC has no flow log: no aws_flow_log refers to it") if {
	count(flow_logs) == 0
}

deny contains lib.violation([], msg) if {
	count(flow_logs) > 0
	not any_captures_rejected
	not any_traffic_unknown

	# concat, not sprintf: inside sprintf's %s regopy 1.5.2 quotes some strings (one-element concat results).
	msg := concat("", [
		"VPC flow logs record only accepted traffic (", concat(", ", sort([log.id | some log in flow_logs])),
		"): traffic_type must be ALL or REJECT",
	])
}

any_captures_rejected if {
	some log in flow_logs
	aws.captures_rejected_traffic(log)
}

any_traffic_unknown if {
	some log in flow_logs
	aws.flow_log_traffic_unknown(log)
}

# No flow log known to record rejected traffic, and one whose traffic_type is unknown until apply
# (traffic_type = var.traffic_type): it may record ACCEPT only, so the rule cannot tell.
deny contains lib.undetermined([], msg) if {
	not any_captures_rejected
	any_traffic_unknown
	msg := concat("", [
		"cannot tell whether the VPC flow logs record rejected traffic (",
		concat(", ", sort([log.id | some log in flow_logs; aws.flow_log_traffic_unknown(log)])),
		"): traffic_type is unknown until apply, required ALL or REJECT",
	])
}
