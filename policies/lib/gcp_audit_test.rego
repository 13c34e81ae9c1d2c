package iacgate.lib.gcp_audit_test

import data.iacgate.lib.gcp_audit
import rego.v1

gcp_placement_node(type_name, name, attributes) := {"id": concat(".", [type_name, name]), "type": type_name, "mode": "managed", "attributes": attributes}

# A folder configuration applies through the google_folder the project refers to, or the same literal
# folder number ("folders/123" and "123" are one folder); an organization one through the project's org_id
# or its folder's literal parent.
test_folder_and_organization_configurations_apply if {
	folder := gcp_placement_node("google_folder", "payments", {"parent": "organizations/42"})
	project := object.union(
		gcp_placement_node("google_project", "ledger", {"folder_id": "folders/123"}),
		{"refers_to": [{"attribute": "folder_id", "type": "google_folder", "mode": "managed", "address": folder.id}]},
	)
	by_folder := object.union(
		gcp_placement_node("google_folder_iam_audit_config", "by_folder", {"folder": "folders/9"}),
		{"refers_to": [{"attribute": "folder", "type": "google_folder", "mode": "managed", "address": folder.id}]},
	)
	by_number := gcp_placement_node("google_folder_iam_audit_config", "by_number", {"folder": "123"})
	by_org := gcp_placement_node("google_organization_iam_audit_config", "by_org", {"org_id": "42"})
	elsewhere := gcp_placement_node("google_organization_iam_audit_config", "elsewhere", {"org_id": "7"})
	resources := {"google_folder": [folder], "google_project": [project], "google_folder_iam_audit_config": [by_folder, by_number], "google_organization_iam_audit_config": [by_org, elsewhere]}
	applying := [config.id | some config in gcp_audit.gcp_placement_inherited_by(gcp_audit.gcp_placement_project(project))]
		with input.resources_by_type as resources
	sort(applying) == sort([by_folder.id, by_number.id, by_org.id])
}

# A folder configuration that applies both by reference and by number is counted once (GCP applies it once).
test_a_configuration_applying_two_ways_is_counted_once if {
	folder := gcp_placement_node("google_folder", "payments", {"parent": "organizations/42"})
	to_folder := {"refers_to": [{"attribute": "folder", "type": "google_folder", "mode": "managed", "address": folder.id}]}
	project := object.union(gcp_placement_node("google_project", "ledger", {"folder_id": "folders/123"}), to_folder)
	both := object.union(gcp_placement_node("google_folder_iam_audit_config", "both", {"folder": "123"}), to_folder)
	resources := {"google_folder": [folder], "google_project": [project], "google_folder_iam_audit_config": [both]}
	applying := [config.id | some config in gcp_audit.gcp_placement_inherited_by(gcp_audit.gcp_placement_project(project))]
		with input.resources_by_type as resources
	applying == [both.id]
}
