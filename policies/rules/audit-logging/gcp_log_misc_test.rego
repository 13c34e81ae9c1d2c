package iacgate.rules.audit_logging.gcp_log_misc_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_audit_exemptions
import data.iacgate.rules.audit_logging.gcp_data_fusion_logging
import data.iacgate.rules.audit_logging.gcp_gke_intranode_visibility
import data.iacgate.rules.audit_logging.gcp_project_audit_config
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

# LOG-GCPAUDIT-002 is a whole-graph rule: inputs are resources by type, each with what it refers to.
gcp_node(type_name, name, attributes) := object.union(testing.resource(type_name, attributes), {"id": concat(".", [type_name, name]), "mode": "managed"})

project := gcp_node("google_project", "payments", {"name": "payments", "project_id": "acme-payments", "org_id": "123"})

audit(service) := gcp_node("google_project_iam_audit_config", "audit", {"service": service})

# The resource as a whole-graph input gives it: with what it refers to (refers_to).
refer(resource, attribute, target_type, target) := object.union(resource, {"refers_to": [{"attribute": attribute, "type": target_type, "mode": "managed", "address": target}]})

# A configuration of the project: it refers to google_project.payments.
of_project(config) := refer(config, "project", "google_project", "google_project.payments")

by_type(resources) := {type_name: [r | some r in resources; r.type == type_name] | some resource in resources; type_name := resource.type}

test_project_without_all_services_audit_config_fails if {
	count(gcp_project_audit_config.deny) == 1 with input.resources_by_type as by_type([project])
	some result in gcp_project_audit_config.deny with input.resources_by_type as by_type([project, of_project(audit("storage.googleapis.com"))])
	result.resource == "google_project.payments"
	contains(result.message, "cover only storage.googleapis.com")
}

test_project_with_all_services_audit_config_passes if {
	count(gcp_project_audit_config.deny) == 0 with input.resources_by_type as by_type([project, of_project(audit("allServices"))])
}

test_project_audit_service_unknown_is_undetermined if {
	some result in gcp_project_audit_config.deny with input.resources_by_type as by_type([project, of_project(audit(testing.unknown))])
	result.status == "undetermined"
}

test_project_inherits_the_organization_audit_config if {
	org := gcp_node("google_organization_iam_audit_config", "org", {"org_id": "organizations/123", "service": "allServices"})
	count(gcp_project_audit_config.deny) == 0 with input.resources_by_type as by_type([project, org])
	other := gcp_node("google_organization_iam_audit_config", "org", {"org_id": "456", "service": "allServices"})
	count(gcp_project_audit_config.deny) == 1 with input.resources_by_type as by_type([project, other])
}

test_project_inherits_its_folder_audit_config if {
	folder := gcp_node("google_folder", "payments", {"display_name": "payments", "parent": "organizations/123"})
	in_folder := refer(gcp_node("google_project", "payments", {"name": "payments", "project_id": "acme-payments", "folder_id": testing.unknown}), "folder_id", "google_folder", folder.id)
	config := refer(gcp_node("google_folder_iam_audit_config", "folder", {"folder": testing.unknown, "service": "allServices"}), "folder", "google_folder", folder.id)
	count(gcp_project_audit_config.deny) == 0 with input.resources_by_type as by_type([in_folder, folder, config])
}

test_project_with_unknown_placement_is_undetermined if {
	placed := gcp_node("google_project", "payments", {"name": "payments", "project_id": "acme-payments", "folder_id": testing.unknown})
	org := gcp_node("google_organization_iam_audit_config", "org", {"org_id": "123", "service": "allServices"})
	some result in gcp_project_audit_config.deny with input.resources_by_type as by_type([placed, org])
	result.status == "undetermined"
}

test_data_project_is_not_applicable if {
	read := object.union(project, {"mode": "data"})
	some result in gcp_project_audit_config.deny with input.resources_by_type as by_type([read])
	result.not_applicable
}

# LOG-GCPAUDIT-003 is a whole-graph rule: configurations and projects are judged together.
exempt_config(type_name, name, service, configs, extra) := gcp_node(type_name, name, object.union({"service": service, "audit_log_config": configs}, extra))

config(service, configs) := exempt_config("google_project_iam_audit_config", "audit", service, configs, {})

test_exemption_in_a_single_service_config_fails if {
	configs := [{"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE", "exempted_members": ["user:ops@acme.example"]}]
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([config("storage.googleapis.com", configs)])
	result.resource == "google_project_iam_audit_config.audit"
	result.path == ["audit_log_config", 1, "exempted_members"]
	count(gcp_audit_exemptions.deny) == 0 with input.resources_by_type as by_type([config("storage.googleapis.com", [{"log_type": "DATA_READ", "exempted_members": []}])])
}

test_all_services_is_left_to_gcpaudit_001 if {
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([config("allServices", [{"log_type": "DATA_READ", "exempted_members": ["user:a@acme.example"]}])])
	result.not_applicable
	result.resource == "google_project_iam_audit_config.audit"
}

test_unknown_exemptions_fail_at_their_path if {
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([config("storage.googleapis.com", [{"log_type": "DATA_READ", "exempted_members": testing.unknown}])])
	result.path == ["audit_log_config", 0, "exempted_members"]
}

# GCP combines the exemptions of every configuration that applies to a project: the project's own (for
# allServices too), its folder's and its organization's.
test_project_with_an_exempting_all_services_config_fails if {
	exempting := config("allServices", [{"log_type": "DATA_READ", "exempted_members": ["user:a@acme.example"]}])
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([project, of_project(exempting)])
	result.resource == "google_project.payments"
	contains(result.message, "google_project_iam_audit_config.audit exempts user:a@acme.example from DATA_READ for allServices")
	object.get(result, "status", "failed") == "failed"
}

test_project_exemption_of_members_known_only_after_apply_is_said_so if {
	exempting := config("allServices", [{"log_type": "DATA_READ", "exempted_members": [testing.unknown]}])
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([project, of_project(exempting)])
	result.resource == "google_project.payments"
	contains(result.message, "exempts members known only after apply from DATA_READ")
}

test_project_without_exemptions_passes if {
	clean := config("allServices", [{"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}])
	results := gcp_audit_exemptions.deny with input.resources_by_type as by_type([project, of_project(clean)])
	results == {{"not_applicable": true, "resource": "google_project_iam_audit_config.audit"}}
	count(gcp_audit_exemptions.deny) == 0 with input.resources_by_type as by_type([project])
}

test_project_inherits_the_exemptions_of_its_organization if {
	org := exempt_config("google_organization_iam_audit_config", "org", "cloudsql.googleapis.com", [{"log_type": "DATA_WRITE", "exempted_members": ["group:dba@acme.example"]}], {"org_id": "organizations/123"})
	results := gcp_audit_exemptions.deny with input.resources_by_type as by_type([project, org])
	some result in results
	result.resource == "google_project.payments"
	contains(result.message, "google_organization_iam_audit_config.org exempts group:dba@acme.example")
	other_org := exempt_config("google_organization_iam_audit_config", "org", "cloudsql.googleapis.com", [{"log_type": "DATA_WRITE", "exempted_members": ["group:dba@acme.example"]}], {"org_id": "456"})
	exempt_results := gcp_audit_exemptions.deny with input.resources_by_type as by_type([project, other_org])
	every result in exempt_results {
		result.resource != "google_project.payments"
	}
}

test_project_inherits_the_exemptions_of_its_folder if {
	folder := gcp_node("google_folder", "payments", {"display_name": "payments", "parent": "organizations/999"})
	in_folder := refer(gcp_node("google_project", "payments", {"name": "payments", "project_id": "acme-payments", "folder_id": testing.unknown}), "folder_id", "google_folder", folder.id)
	exempting := refer(exempt_config("google_folder_iam_audit_config", "folder", "storage.googleapis.com", [{"log_type": "DATA_READ", "exempted_members": ["user:etl@acme.example"]}], {"folder": testing.unknown}), "folder", "google_folder", folder.id)
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([in_folder, folder, exempting])
	result.resource == "google_project.payments"
	object.get(result, "status", "failed") == "failed"
}

test_project_with_unknown_exemptions_or_placement_is_undetermined if {
	unknown_members := config("allServices", [{"log_type": "DATA_READ", "exempted_members": testing.unknown}])
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([project, of_project(unknown_members)])
	result.resource == "google_project.payments"
	result.status == "undetermined"
	placed := gcp_node("google_project", "payments", {"name": "payments", "project_id": "acme-payments", "org_id": testing.unknown})
	org := exempt_config("google_organization_iam_audit_config", "org", "cloudsql.googleapis.com", [{"log_type": "DATA_WRITE", "exempted_members": ["group:dba@acme.example"]}], {"org_id": "123"})
	some placed_result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([placed, org])
	placed_result.resource == "google_project.payments"
	placed_result.status == "undetermined"
}

test_data_projects_and_configs_are_not_applicable if {
	read := object.union(project, {"mode": "data"})
	some result in gcp_audit_exemptions.deny with input.resources_by_type as by_type([read])
	result.not_applicable
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
