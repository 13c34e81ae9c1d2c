package iacgate.rules.audit_logging.gcp_audit_exemptions_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_audit_exemptions
import rego.v1

# LOG-GCPAUDIT-003 is a whole-graph rule: inputs are resources by type, each with what it refers to.
gcp_node(type_name, name, attributes) := object.union(testing.resource(type_name, attributes), {"id": concat(".", [type_name, name]), "mode": "managed"})

project := gcp_node("google_project", "payments", {"name": "payments", "project_id": "acme-payments", "org_id": "123"})

# The resource as a whole-graph input gives it: with what it refers to (refers_to).
refer(resource, attribute, target_type, target) := object.union(resource, {"refers_to": [{"attribute": attribute, "type": target_type, "mode": "managed", "address": target}]})

# A configuration of the project: it refers to google_project.payments.
of_project(config) := refer(config, "project", "google_project", "google_project.payments")

by_type(resources) := {type_name: [r | some r in resources; r.type == type_name] | some resource in resources; type_name := resource.type}

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
