# Where a google_project sits in a whole-graph input (scope: graph) and whether a folder or organization
# audit configuration applies to it: shared by LOG-GCPAUDIT-002 (gcp_project_audit_config) and
# LOG-GCPAUDIT-003 (gcp_audit_exemptions). Functions are prefixed gcp_placement_ (regopy 1.5.2 crashes
# when two packages define functions of one name with different arities).
package iacgate.lib.gcp_audit

import rego.v1

gcp_placement_by_id := {resource.id: resource |
	some resources in input.resources_by_type
	some resource in resources
}

# Resources of a type that `source` has an edge to (a project's folder).
gcp_placement_referenced(source, type_name) := [gcp_placement_by_id[edge.target] |
	some edge in input.edges
	edge.source == source
	gcp_placement_by_id[edge.target].type == type_name
]

# A folder or organization number without its prefix ("folders/123" and "123" are one folder).
gcp_placement_number(value) := trim_prefix(trim_prefix(trim_space(value), "folders/"), "organizations/") if is_string(value)

# The folders a project sits in: a google_folder it refers to (folder_id = google_folder.x.name).
gcp_placement_project_folders(project) := gcp_placement_referenced(project.id, "google_folder")

# A folder configuration applies to the project: it refers to the project's google_folder, or names the
# same folder number as the project's literal folder_id.
gcp_placement_folder_applies(config, project) if {
	some folder in gcp_placement_project_folders(project)
	some target in gcp_placement_referenced(config.id, "google_folder")
	target.id == folder.id
}

gcp_placement_folder_applies(config, project) if {
	number := gcp_placement_number(object.get(project.attributes, "folder_id", null))
	number != ""
	number == gcp_placement_number(object.get(config.attributes, "folder", null))
}

# The organization numbers a project sits in: its literal org_id, or the literal parent of its folder.
gcp_placement_project_orgs(project) := {number |
	number := gcp_placement_number(object.get(project.attributes, "org_id", null))
	number != ""
} | {number |
	some folder in gcp_placement_project_folders(project)
	parent := object.get(folder.attributes, "parent", null)
	is_string(parent)
	startswith(trim_space(parent), "organizations/")
	number := gcp_placement_number(parent)
}

# An organization configuration applies to the project: it names one of the project's organizations.
gcp_placement_org_applies(config, project) if {
	some number in gcp_placement_project_orgs(project)
	number == gcp_placement_number(object.get(config.attributes, "org_id", null))
}
