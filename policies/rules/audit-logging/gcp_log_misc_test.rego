package iacgate.rules.audit_logging.gcp_log_misc_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_data_fusion_logging
import data.iacgate.rules.audit_logging.gcp_gke_intranode_visibility
import data.iacgate.rules.audit_logging.gcp_storage_self_logging
import rego.v1

cluster(attributes) := testing.resource("google_container_cluster", attributes)

test_standard_cluster_without_intranode_visibility_fails if {
	some result in gcp_gke_intranode_visibility.deny with input.resource as cluster({"name": "payments"}) with input.related as []
	result.path == ["enable_intranode_visibility"]
	not result.status
	count(gcp_gke_intranode_visibility.deny) == 1 with input.resource as cluster({"enable_autopilot": false, "enable_intranode_visibility": false}) with input.related as []
	count(gcp_gke_intranode_visibility.deny) == 0 with input.resource as cluster({"enable_intranode_visibility": true}) with input.related as []
}

test_autopilot_default_passes_and_turning_it_off_fails if {
	count(gcp_gke_intranode_visibility.deny) == 0 with input.resource as cluster({"enable_autopilot": true}) with input.related as []
	count(gcp_gke_intranode_visibility.deny) == 1 with input.resource as cluster({"enable_autopilot": true, "enable_intranode_visibility": false}) with input.related as []
}

test_unknown_autopilot_is_undetermined if {
	some result in gcp_gke_intranode_visibility.deny with input.resource as cluster({"enable_autopilot": testing.unknown}) with input.related as []
	result.status == "undetermined"
}

test_data_fusion_logging if {
	fusion := testing.resource("google_data_fusion_instance", {"name": "etl", "type": "BASIC"})
	some result in gcp_data_fusion_logging.deny with input.resource as fusion with input.related as []
	result.path == ["enable_stackdriver_logging"]
	logged := testing.resource("google_data_fusion_instance", {"name": "etl", "enable_stackdriver_logging": true})
	count(gcp_data_fusion_logging.deny) == 0 with input.resource as logged with input.related as []
	text := testing.resource("google_data_fusion_instance", {"name": "etl", "enable_stackdriver_logging": "true"})
	count(gcp_data_fusion_logging.deny) == 0 with input.resource as text with input.related as []
}

bucket(name, logging) := testing.resource("google_storage_bucket", {"name": name, "logging": logging})

test_bucket_logging_to_itself_fails if {
	some result in gcp_storage_self_logging.deny with input.resource as bucket("exports", [{"log_bucket": "exports"}]) with input.related as []
	result.path == ["logging", 0, "log_bucket"]
	count(gcp_storage_self_logging.deny) == 1 with input.resource as bucket("Exports", {"log_bucket": "gs://exports"}) with input.related as []
}

test_bucket_logging_elsewhere_passes if {
	count(gcp_storage_self_logging.deny) == 0 with input.resource as bucket("exports", [{"log_bucket": "access-logs"}]) with input.related as []
	edge := {"direction": "out", "attribute": "logging", "resource": testing.resource("google_storage_bucket", {})}
	moved := object.union(bucket("exports", [{"log_bucket": testing.unknown}]), {"id": "google_storage_bucket.exports"})
	count(gcp_storage_self_logging.deny) == 0 with input.resource as moved with input.related as [edge]
}

test_bucket_without_logging_is_not_applicable if {
	some result in gcp_storage_self_logging.deny with input.resource as bucket("exports", []) with input.related as []
	result.not_applicable
}

test_unknown_log_bucket_without_reference_is_undetermined if {
	some result in gcp_storage_self_logging.deny with input.resource as bucket("exports", [{"log_bucket": testing.unknown}]) with input.related as []
	result.path == ["logging", 0, "log_bucket"]
	some named in gcp_storage_self_logging.deny with input.resource as bucket(testing.unknown, [{"log_bucket": "exports"}]) with input.related as []
	named.status == "undetermined"
}

test_plan_unknown_visibility_on_standard_cluster_is_the_computed_default if {
	results := gcp_gke_intranode_visibility.deny with input.resource as cluster({"enable_intranode_visibility": testing.unknown}) with input.related as []
	count(results) == 1
	some result in results
	result.decided == true
	hcl := object.union(cluster({"enable_intranode_visibility": testing.unknown}), {"format": "terraform"})
	some undecided in gcp_gke_intranode_visibility.deny with input.resource as hcl with input.related as []
	not undecided.decided
	autopilot := cluster({"enable_autopilot": true, "enable_intranode_visibility": testing.unknown})
	count(gcp_gke_intranode_visibility.deny) == 0 with input.resource as autopilot with input.related as []
}
