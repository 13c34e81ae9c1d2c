package iacgate.rules.audit_logging.aws_audit_eks_all_log_types_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_eks_all_log_types as rule
import rego.v1

cluster(attributes, format) := object.union(testing.resource("aws_eks_cluster", attributes), {"format": format})

all_types := ["api", "audit", "authenticator", "controllerManager", "scheduler"]

test_all_types_pass if {
	count(rule.deny) == 0 with input.resource as cluster({"enabled_cluster_log_types": all_types}, "terraform")
		with input.related as []
}

test_audit_types_only_fail if {
	some result in rule.deny with input.resource as cluster({"enabled_cluster_log_types": ["api", "audit", "authenticator"]}, "terraform")
		with input.related as []
	result.path == ["enabled_cluster_log_types"]
	not result.status
	result.message == "EKS cluster does not log its controller manager and scheduler: log types controllerManager, scheduler are not enabled (enabled: api, audit, authenticator), required controllerManager and scheduler"
}

test_cloudformation_all_types_pass if {
	logging := {"cluster_logging": {"enabled_types": [{"type": name} | some name in all_types]}}
	count(rule.deny) == 0 with input.resource as cluster({"logging": logging}, "cloudformation")
		with input.related as []
}

test_cloudformation_unknown_enabled_types_are_undetermined if {
	logging := {"cluster_logging": {"enabled_types": testing.unknown}}
	some result in rule.deny with input.resource as cluster({"logging": logging}, "cloudformation")
		with input.related as []
	result.status == "undetermined"
	result.path == ["logging"]
}

test_cloudformation_unknown_entry_is_undetermined if {
	logging := {"cluster_logging": {"enabled_types": [{"type": "scheduler"}, {"type": testing.unknown}]}}
	some result in rule.deny with input.resource as cluster({"logging": logging}, "cloudformation")
		with input.related as []
	result.status == "undetermined"
}

test_unknown_list_is_undetermined if {
	some result in rule.deny with input.resource as cluster({"enabled_cluster_log_types": testing.unknown}, "terraform-plan")
		with input.related as []
	result.status == "undetermined"
}
