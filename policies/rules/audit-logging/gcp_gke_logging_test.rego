package iacgate.rules.audit_logging.gcp_gke_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_gke_logging
import rego.v1

gke_cluster(attributes) := testing.resource("google_container_cluster", object.union({"location": "europe-west1"}, attributes))

test_default_logging_passes if {
	count(gcp_gke_logging.deny) == 0 with input.resource as gke_cluster({}) with input.related as []
}

test_system_and_workload_logs_pass if {
	count(gcp_gke_logging.deny) == 0 with input.resource as gke_cluster({"logging_config": [{"enable_components": ["SYSTEM_COMPONENTS", "WORKLOADS"]}]})
		with input.related as []
}

test_logging_service_none_fails if {
	some result in gcp_gke_logging.deny with input.resource as gke_cluster({"logging_service": "none"}) with input.related as []
	result.path == ["logging_service"]
}

test_no_components_fails if {
	some result in gcp_gke_logging.deny with input.resource as gke_cluster({"logging_config": [{"enable_components": []}]})
		with input.related as []
	result.path == ["logging_config", 0, "enable_components"]
	contains(result.message, "empty")
}

test_workloads_only_fails if {
	count(gcp_gke_logging.deny) == 1 with input.resource as gke_cluster({"logging_config": [{"enable_components": ["WORKLOADS"]}]})
		with input.related as []
}

# Issue 16 §2: enable_components unknown until apply, or with an unknown entry, is never a pass or a crash.
test_unknown_components_are_reported_at_their_path if {
	some result in gcp_gke_logging.deny with input.resource as testing.resource("google_container_cluster", {"logging_config": [{"enable_components": testing.unknown}]})
		with input.related as []
	result.path == ["logging_config", 0, "enable_components"]
}

test_unknown_component_entry_is_undetermined if {
	some result in gcp_gke_logging.deny with input.resource as testing.resource("google_container_cluster", {"logging_config": [{"enable_components": ["WORKLOADS", testing.unknown]}]})
		with input.related as []
	result.status == "undetermined"
}
