# LOG-GCPAUDIT-002: every project the configuration creates records Data Access audit logs for all
# services: through its own google_project_iam_audit_config for allServices, or one it inherits from its
# folder or organization when that configuration is in the scanned code.
#
# A whole-graph rule (scope: graph): an audit configuration of the folder or organization a project sits
# in is not a neighbour of the project. Results name the project they are about.
package iacgate.rules.audit_logging.gcp_project_audit_config

import data.iacgate.lib
import data.iacgate.lib.gcp_audit
import rego.v1

all_projects := object.get(input.resources_by_type, "google_project", [])

projects := [project | some project in all_projects; project.mode == "managed"]

# Projects only read (data "google_project") are governed elsewhere: no check.
deny contains {"not_applicable": true, "resource": project.id} if {
	some project in all_projects
	project.mode != "managed"
}

gcp_audit_service(config) := object.get(config.attributes, "service", null)

gcp_audit_all_services(config) if {
	is_string(gcp_audit_service(config))
	lower(gcp_audit_service(config)) == "allservices"
}

gcp_audit_service_unknown(config) if lib.is_unknown(gcp_audit_service(config))

# --- where each project inherits from ------------------------------------------------------------------

# Each managed project, worked out once per query (data.iacgate.lib.gcp_audit, shared with
# LOG-GCPAUDIT-003, says why): where it sits, the audit configurations that apply to it (its own
# google_project_iam_audit_config resources, then those of its folder and organization), and how many
# authoritative google_project_iam_policy resources carry its audit configurations in policy_data.
project_entries := [entry |
	some project in projects
	place := gcp_audit.gcp_placement_project(project)
	entry := {
		"project": project,
		"place": place,
		"applying": array.concat(
			gcp_audit.gcp_placement_own_audit_configs(project),
			gcp_audit.gcp_placement_inherited_by(place),
		),
		"iam_policies": count(gcp_audit.gcp_placement_own_iam_policies(project)),
	}
]

gcp_audit_covered(entry) if {
	some config in entry.applying
	gcp_audit_all_services(config)
}

gcp_audit_project_service_unknown(entry) if {
	some config in entry.applying
	gcp_audit_service_unknown(config)
}

# Where the project sits is unknown until apply (folder_id or org_id), while an audit configuration of a
# folder or organization in the configuration could be the one it inherits: it cannot be told.
gcp_audit_placement_unknown(entry) if {
	gcp_audit.gcp_placement_unknown(entry.project, entry.place)
	count(gcp_audit.gcp_placement_inherited) > 0
}

gcp_audit_undecided(entry) if gcp_audit_project_service_unknown(entry)

gcp_audit_undecided(entry) if entry.iam_policies > 0

gcp_audit_undecided(entry) if gcp_audit_placement_unknown(entry)

deny contains {"resource": entry.project.id, "path": [], "message": msg} if {
	some entry in project_entries
	not gcp_audit_covered(entry)
	not gcp_audit_undecided(entry)
	msg := concat("", ["project records no Data Access audit logs: ", gcp_audit_found(entry), ", required a google_project_iam_audit_config with service allServices (or one of its folder or organization)"])
}

gcp_audit_found(entry) := "no google_project_iam_audit_config refers to it and no folder or organization audit configuration of the configuration covers it" if {
	count(entry.applying) == 0
} else := concat("", ["the audit configurations that apply to it cover only ", concat(", ", sort({s | some config in entry.applying; s := gcp_audit_service(config); is_string(s)}))])

deny contains {"resource": entry.project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some entry in project_entries
	not gcp_audit_covered(entry)
	gcp_audit_project_service_unknown(entry)
	msg := "cannot tell whether the project records Data Access audit logs: the service of an audit configuration that applies to it is unknown until apply, required allServices"
}

deny contains {"resource": entry.project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some entry in project_entries
	not gcp_audit_covered(entry)
	not gcp_audit_project_service_unknown(entry)
	entry.iam_policies > 0
	msg := "cannot tell whether the project records Data Access audit logs: its audit configuration is in the policy_data of a google_project_iam_policy, required an audit_config for allServices"
}

deny contains {"resource": entry.project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some entry in project_entries
	not gcp_audit_covered(entry)
	not gcp_audit_project_service_unknown(entry)
	entry.iam_policies == 0
	gcp_audit_placement_unknown(entry)
	msg := "cannot tell whether the project records Data Access audit logs: its folder_id or org_id is unknown until apply and the configuration has folder or organization audit configurations it may inherit, required an audit configuration for allServices"
}
