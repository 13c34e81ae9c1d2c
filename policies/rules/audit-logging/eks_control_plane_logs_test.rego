package iacgate.rules.audit_logging.eks_control_plane_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.eks_control_plane_logs
import rego.v1

cluster(attributes, format) := object.union(testing.resource("aws_eks_cluster", attributes), {"format": format})

test_all_audit_logs_pass if {
	count(eks_control_plane_logs.deny) == 0 with input.resource as cluster({"enabled_cluster_log_types": ["api", "audit", "authenticator", "scheduler"]}, "terraform")
		with input.related as []
}

test_missing_audit_log_fails if {
	some result in eks_control_plane_logs.deny with input.resource as cluster({"enabled_cluster_log_types": ["api", "authenticator"]}, "terraform")
		with input.related as []
	result.path == ["enabled_cluster_log_types"]
	result.message == "EKS cluster does not log its control plane: log types audit are not enabled (enabled: api, authenticator), required api, audit and authenticator"
}

test_no_logging_fails if {
	count(eks_control_plane_logs.deny) == 1 with input.resource as cluster({"name": "c"}, "pulumi")
		with input.related as []
}

test_cloudformation_enabled_types_pass if {
	logging := {"cluster_logging": {"enabled_types": [{"type": "api"}, {"type": "audit"}, {"type": "authenticator"}]}}
	count(eks_control_plane_logs.deny) == 0 with input.resource as cluster({"logging": logging}, "cloudformation")
		with input.related as []
}

# Issue 16 §2: an unknown list or entry may hold the missing types: undetermined, never a crash or a pass.
test_unknown_entry_is_undetermined if {
	some result in eks_control_plane_logs.deny with input.resource as testing.resource("aws_eks_cluster", {"enabled_cluster_log_types": ["api", testing.unknown]})
		with input.related as []
	result.status == "undetermined"
	result.message == "EKS cluster does not log its control plane: log types audit, authenticator are not enabled (enabled: api), required api, audit and authenticator"
}

test_unknown_list_is_undetermined if {
	some result in eks_control_plane_logs.deny with input.resource as testing.resource("aws_eks_cluster", {"enabled_cluster_log_types": testing.unknown})
		with input.related as []
	result.status == "undetermined"
}

test_cloudformation_unknown_logging_is_undetermined if {
	some result in eks_control_plane_logs.deny with input.resource as cluster({"logging": testing.unknown}, "cloudformation")
		with input.related as []
	result.status == "undetermined"
}
