# Where a google_project sits in a whole-graph input (scope: graph) and which audit configurations of the
# scanned code apply to it: shared by LOG-GCPAUDIT-002 (gcp_project_audit_config) and LOG-GCPAUDIT-003
# (gcp_audit_exemptions). Names are prefixed gcp_placement_ (regopy 1.5.2 crashes when two packages define
# functions of one name with different arities).
#
# Cost: a landing zone holds many projects and thousands of resources that refer to them. References are
# read from each resource's refers_to (the rules are sent no edges), nothing builds an object of every
# resource by id (rego-cpp builds an object or set comprehension in time quadratic in its size and looks
# keys up in linear time), what the project-level configurations refer to is worked out once per query, by
# rules, and each project and configuration is then worked out once, on those.
package iacgate.lib.gcp_audit

import data.iacgate.lib
import data.iacgate.lib.graph_refs
import rego.v1

# Each type is looked up by its literal name: a rule that names the types it reads is sent those alone
# (closure.graph_reads), not the whole graph.
gcp_placement_folders := object.get(input.resources_by_type, "google_folder", [])

gcp_placement_project_audit_configs := object.get(input.resources_by_type, "google_project_iam_audit_config", [])

gcp_placement_project_iam_policies := object.get(input.resources_by_type, "google_project_iam_policy", [])

gcp_placement_folder_audit_configs := object.get(input.resources_by_type, "google_folder_iam_audit_config", [])

gcp_placement_organization_audit_configs := object.get(input.resources_by_type, "google_organization_iam_audit_config", [])

# The google_folder resources `resource` refers to (a project's folder_id, a configuration's folder), in
# the order of its refers_to.
gcp_placement_folders_of(resource) := graph_refs.graph_resources_with_ids(gcp_placement_folder_ids_of(resource), gcp_placement_folders)

gcp_placement_folder_ids_of(resource) := [ref.address |
	some ref in object.get(resource, "refers_to", [])
	ref.type == "google_folder"
]

# The projects each project-level configuration (audit configuration or authoritative IAM policy, any mode)
# refers to, {"project": address, "config": config}, and the set of those projects: a project no
# configuration names is told so by one lookup, not by a walk over the configurations.
gcp_placement_project_refs(configs) := [{"project": ref.address, "config": config} |
	some config in configs
	some ref in object.get(config, "refers_to", [])
	ref.type == "google_project"
]

gcp_placement_audit_config_refs := gcp_placement_project_refs(gcp_placement_project_audit_configs)

gcp_placement_audit_configured := {entry.project | some entry in gcp_placement_audit_config_refs}

gcp_placement_iam_policy_refs := gcp_placement_project_refs(gcp_placement_project_iam_policies)

gcp_placement_iam_policy_configured := {entry.project | some entry in gcp_placement_iam_policy_refs}

# The project's own google_project_iam_audit_config resources and google_project_iam_policy resources.
gcp_placement_own_audit_configs(project) := gcp_placement_own(project, gcp_placement_audit_config_refs, gcp_placement_audit_configured)

gcp_placement_own_iam_policies(project) := gcp_placement_own(project, gcp_placement_iam_policy_refs, gcp_placement_iam_policy_configured)

# The configurations among `refs` (gcp_placement_project_refs) that name the project; `configured` is the
# set of the projects they name.
gcp_placement_own(project, refs, configured) := [entry.config | some entry in refs; entry.project == project.id] if {
	configured[project.id]
} else := []

# A folder or organization number without its prefix ("folders/123" and "123" are one folder); "" when the
# value is not a string.
gcp_placement_number(value) := trim_prefix(trim_prefix(trim_space(value), "folders/"), "organizations/") if {
	is_string(value)
} else := ""

# Where a project sits, worked out once: the google_folder resources it refers to (folder_id =
# google_folder.x.name), the number of its literal folder_id, and its organization numbers: its literal
# org_id, or the literal parent of its folder.
gcp_placement_project(project) := place if {
	folders := gcp_placement_folders_of(project)
	place := {
		"folders": folders,
		"folder_ids": [folder.id | some folder in folders],
		"folder": gcp_placement_number(object.get(project.attributes, "folder_id", null)),
		"orgs": gcp_placement_project_orgs(project, folders),
	}
}

gcp_placement_project_orgs(project, folders) := [number |
	some value in array.concat(
		[object.get(project.attributes, "org_id", null)],
		[parent |
			some folder in folders
			parent := object.get(folder.attributes, "parent", null)
			is_string(parent)
			startswith(trim_space(parent), "organizations/")
		],
	)
	number := gcp_placement_number(value)
	number != ""
]

# The folder and organization audit configurations the configuration manages, each with where it applies:
# the google_folder resources it refers to, and the number of its literal folder or org_id.
gcp_placement_inherited := [placed |
	some config in array.concat(gcp_placement_folder_audit_configs, gcp_placement_organization_audit_configs)
	config.mode == "managed"
	placed := {
		"config": config,
		"folder_ids": gcp_placement_folder_ids_of(config),
		"folder": gcp_placement_number(object.get(config.attributes, "folder", null)),
		"org": gcp_placement_number(object.get(config.attributes, "org_id", null)),
	}
]

# A folder configuration applies to the project when it refers to the project's google_folder, or names
# the same folder number as the project's literal folder_id; an organization configuration when it names
# one of the project's organizations. The configurations are kept by those keys (the google_folder ids they
# refer to, their literal folder number, their organization number) in objects built once per query, of at
# most as many entries as there are folders and organizations, and looked up per project: checking every
# configuration against every project took 4.4 s of 8.6 at 1,000 projects and 101 configurations.
gcp_placement_folder_configs := [placed | some placed in gcp_placement_inherited; placed.config.type == "google_folder_iam_audit_config"]

gcp_placement_organization_configs := [placed | some placed in gcp_placement_inherited; placed.config.type == "google_organization_iam_audit_config"]

gcp_placement_by_folder_id := {id: configs |
	some id in {id | some placed in gcp_placement_folder_configs; some id in placed.folder_ids}
	configs := [placed.config | some placed in gcp_placement_folder_configs; id in placed.folder_ids]
}

gcp_placement_by_folder_number := {number: configs |
	some number in {placed.folder | some placed in gcp_placement_folder_configs; placed.folder != ""}
	configs := [placed.config | some placed in gcp_placement_folder_configs; placed.folder == number]
}

gcp_placement_by_organization := {number: configs |
	some number in {placed.org | some placed in gcp_placement_organization_configs; placed.org != ""}
	configs := [placed.config | some placed in gcp_placement_organization_configs; placed.org == number]
}

# The folder and organization configurations (managed) that apply to a project placed at `place`, each
# once (a folder configuration may apply both by reference and by number).
gcp_placement_inherited_by(place) := [config | some config in gcp_placement_once(array.concat(
	[found | some id in place.folder_ids; some found in object.get(gcp_placement_by_folder_id, id, [])],
	array.concat(
		object.get(gcp_placement_by_folder_number, place.folder, []),
		[found | some number in place.orgs; some found in object.get(gcp_placement_by_organization, number, [])],
	),
))]

gcp_placement_once(configs) := {config | some config in configs}

# Where the project sits is unknown until apply (its folder_id or org_id, with no google_folder reference).
gcp_placement_unknown(project, place) if {
	some key in ["folder_id", "org_id"]
	lib.is_unknown(object.get(project.attributes, key, null))
	count(place.folders) == 0
}
