package iacgate.rules.audit_logging.gcp_subnet_flow_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_subnet_flow_logs
import rego.v1

gcp_subnet(attributes) := testing.resource("google_compute_subnetwork", object.union({"ip_cidr_range": "10.20.0.0/20"}, attributes))

test_log_config_passes if {
	count(gcp_subnet_flow_logs.deny) == 0 with input.resource as gcp_subnet({"log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 0.5}]})
		with input.related as []
}

test_legacy_enable_flow_logs_passes if {
	count(gcp_subnet_flow_logs.deny) == 0 with input.resource as gcp_subnet({"enable_flow_logs": true}) with input.related as []
}

test_no_log_config_fails if {
	some result in gcp_subnet_flow_logs.deny with input.resource as gcp_subnet({}) with input.related as []
	result.path == []
}

test_zero_sampling_fails if {
	some result in gcp_subnet_flow_logs.deny with input.resource as gcp_subnet({"log_config": [{"flow_sampling": 0}]}) with input.related as []
	result.path == ["log_config", 0, "flow_sampling"]
}

test_proxy_only_subnet_is_exempt if {
	gcp_subnet_flow_logs.deny == {{"not_applicable": true}} with input.resource as gcp_subnet({"purpose": "REGIONAL_MANAGED_PROXY"}) with input.related as []
}

test_unknown_sampling_is_reported_at_its_path if {
	some result in gcp_subnet_flow_logs.deny with input.resource as testing.resource("google_compute_subnetwork", {"log_config": [{"flow_sampling": testing.unknown}]})
		with input.related as []
	result.path == ["log_config", 0, "flow_sampling"]
}
