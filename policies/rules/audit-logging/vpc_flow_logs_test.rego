package iacgate.rules.audit_logging.vpc_flow_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.vpc_flow_logs
import rego.v1

# A function, not a constant: regopy 1.5.2 leaves input undefined in `with input.resource as <rule>`.
vpc(cidr) := testing.resource("aws_vpc", {"cidr_block": cidr})

test_vpc_with_flow_log_passes if {
	count(vpc_flow_logs.deny) == 0 with input.resource as vpc("10.0.0.0/16")
		with input.related as [testing.referrer("aws_flow_log", "vpc_id", {"traffic_type": "ALL"})]
}

test_vpc_without_flow_log_fails if {
	some result in vpc_flow_logs.deny with input.resource as vpc("10.0.0.0/16")
		with input.related as [testing.referrer("aws_subnet", "vpc_id", {})]
	contains(result.message, "no flow log")
}

test_accept_only_flow_log_fails if {
	some result in vpc_flow_logs.deny with input.resource as vpc("10.0.0.0/16")
		with input.related as [testing.referrer("aws_flow_log", "vpc_id", {"traffic_type": "ACCEPT"})]
	result.message == "VPC flow logs record only accepted traffic (aws_flow_log.neighbour): traffic_type must be ALL or REJECT"
}

unknown_traffic := {"__unknown__": "variable 'traffic_type' has no value"}

# A flow log whose traffic_type is unknown until apply may record ACCEPT only: undetermined, never a pass.
test_unknown_traffic_type_is_undetermined if {
	some result in vpc_flow_logs.deny with input.resource as vpc("10.0.0.0/16")
		with input.related as [testing.referrer("aws_flow_log", "vpc_id", {"traffic_type": unknown_traffic})]
	result.status == "undetermined"
}

test_unknown_traffic_type_beside_all_passes if {
	count(vpc_flow_logs.deny) == 0 with input.resource as vpc("10.0.0.0/16")
		with input.related as [
			testing.referrer("aws_flow_log", "vpc_id", {"traffic_type": unknown_traffic}),
			testing.referrer("aws_flow_log", "vpc_id", {"traffic_type": "ALL"}),
		]
}
