package iacgate.rules.audit_logging.gcp_project_audit_config_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_project_audit_config
import rego.v1

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
