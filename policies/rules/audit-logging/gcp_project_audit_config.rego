# LOG-GCPAUDIT-002: every project the configuration creates records Data Access audit logs for all
# services: through its own google_project_iam_audit_config for allServices, or one it inherits from its
# folder or organization when that configuration is in the scanned code.
#
# A whole-graph rule (scope: graph): an audit configuration of the folder or organization a project sits
# in is not a neighbour of the project. Results name the project they are about.
package iacgate.rules.audit_logging.gcp_project_audit_config

import data.iacgate.lib
import data.iacgate.lib.graph_refs
import data.iacgate.lib.gcp_audit
import rego.v1

gcp_audit_resources_of(type_name) := object.get(input.resources_by_type, type_name, [])

projects := [project | some project in gcp_audit_resources_of("google_project"); project.mode == "managed"]

# Projects only read (data "google_project") are governed elsewhere: no check.
deny contains {"not_applicable": true, "resource": project.id} if {
	some project in gcp_audit_resources_of("google_project")
	project.mode != "managed"
}

# Resources of a type with an edge to `target` (a configuration naming a project or folder), in the order of
# the edges (graph_refs.graph_sources says why not through an object of every resource by id).
gcp_audit_referrers(target, type_name) := graph_refs.graph_resources_with_ids(graph_refs.graph_sources(target), gcp_audit_resources_of(type_name))

gcp_audit_service(config) := object.get(config.attributes, "service", null)

gcp_audit_all_services(config) if {
	is_string(gcp_audit_service(config))
	lower(gcp_audit_service(config)) == "allservices"
}

gcp_audit_service_unknown(config) if lib.is_unknown(gcp_audit_service(config))

# --- where each project inherits from ------------------------------------------------------------------

gcp_audit_project_configs(project) := gcp_audit_referrers(project.id, "google_project_iam_audit_config")

folder_configs := [config |
	some config in gcp_audit_resources_of("google_folder_iam_audit_config")
	config.mode == "managed"
]

org_configs := [config |
	some config in gcp_audit_resources_of("google_organization_iam_audit_config")
	config.mode == "managed"
]

# The folders and organizations a project sits in, and whether their configurations apply to it:
# data.iacgate.lib.gcp_audit (shared with LOG-GCPAUDIT-003).
gcp_audit_applying(project) := array.concat(
	gcp_audit_project_configs(project),
	array.concat(
		[config | some config in folder_configs; gcp_audit.gcp_placement_folder_applies(config, project)],
		[config | some config in org_configs; gcp_audit.gcp_placement_org_applies(config, project)],
	),
)

gcp_audit_covered(project) if {
	some config in gcp_audit_applying(project)
	gcp_audit_all_services(config)
}

gcp_audit_project_service_unknown(project) if {
	some config in gcp_audit_applying(project)
	gcp_audit_service_unknown(config)
}

# Where the project sits is unknown until apply (folder_id or org_id), while an audit configuration of a
# folder or organization in the configuration could be the one it inherits: it cannot be told.
gcp_audit_placement_unknown(project) if {
	some key in ["folder_id", "org_id"]
	lib.is_unknown(object.get(project.attributes, key, null))
	count(gcp_audit.gcp_placement_project_folders(project)) == 0
	count(array.concat(folder_configs, org_configs)) > 0
}

# An authoritative google_project_iam_policy carries the project's audit configurations in policy_data.
gcp_audit_iam_policies(project) := gcp_audit_referrers(project.id, "google_project_iam_policy")

gcp_audit_undecided(project) if gcp_audit_project_service_unknown(project)

gcp_audit_undecided(project) if count(gcp_audit_iam_policies(project)) > 0

gcp_audit_undecided(project) if gcp_audit_placement_unknown(project)

deny contains {"resource": project.id, "path": [], "message": msg} if {
	some project in projects
	not gcp_audit_covered(project)
	not gcp_audit_undecided(project)
	msg := concat("", ["project records no Data Access audit logs: ", gcp_audit_found(project), ", required a google_project_iam_audit_config with service allServices (or one of its folder or organization)"])
}

gcp_audit_found(project) := "no google_project_iam_audit_config refers to it and no folder or organization audit configuration of the configuration covers it" if {
	count(gcp_audit_applying(project)) == 0
} else := concat("", ["the audit configurations that apply to it cover only ", concat(", ", sort({s | some config in gcp_audit_applying(project); s := gcp_audit_service(config); is_string(s)}))])

deny contains {"resource": project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some project in projects
	not gcp_audit_covered(project)
	gcp_audit_project_service_unknown(project)
	msg := "cannot tell whether the project records Data Access audit logs: the service of an audit configuration that applies to it is unknown until apply, required allServices"
}

deny contains {"resource": project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some project in projects
	not gcp_audit_covered(project)
	not gcp_audit_project_service_unknown(project)
	count(gcp_audit_iam_policies(project)) > 0
	msg := "cannot tell whether the project records Data Access audit logs: its audit configuration is in the policy_data of a google_project_iam_policy, required an audit_config for allServices"
}

deny contains {"resource": project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some project in projects
	not gcp_audit_covered(project)
	not gcp_audit_project_service_unknown(project)
	count(gcp_audit_iam_policies(project)) == 0
	gcp_audit_placement_unknown(project)
	msg := "cannot tell whether the project records Data Access audit logs: its folder_id or org_id is unknown until apply and the configuration has folder or organization audit configurations it may inherit, required an audit configuration for allServices"
}
