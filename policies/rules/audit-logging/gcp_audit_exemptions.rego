# LOG-GCPAUDIT-003: nobody is exempted from Data Access audit logs, judged where GCP applies exemptions.
#
# GCP combines the audit configurations of a resource and its ancestors: the exemptions of every
# configuration that applies to a project (its own, for allServices and for each service, and those of its
# folder and organization) add up, whatever the others say. So the rule judges
# - each audit configuration for a single service (allServices is judged with its log types by
#   LOG-GCPAUDIT-001): it must list no exempted_members;
# - each google_project the configuration creates: no configuration of the scanned code that applies to it
#   (found as LOG-GCPAUDIT-002 finds them) may exempt a principal.
#
# A whole-graph rule (scope: graph): the configurations of a project's folder or organization are not its
# neighbours. Results name the resource they are about. Functions are prefixed gcp_exempt_.
package iacgate.rules.audit_logging.gcp_audit_exemptions

import data.iacgate.lib
import data.iacgate.lib.graph_refs
import data.iacgate.lib.gcp_audit
import rego.v1

config_types := ["google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"]

gcp_exempt_resources_of(type_name) := object.get(input.resources_by_type, type_name, [])

configs := [config |
	some type_name in config_types
	some config in gcp_exempt_resources_of(type_name)
	config.mode == "managed"
]

projects := [project | some project in gcp_exempt_resources_of("google_project"); project.mode == "managed"]

# Projects and configurations only read (data sources) are governed elsewhere: no check.
deny contains {"not_applicable": true, "resource": resource.id} if {
	some type_name in array.concat(config_types, ["google_project"])
	some resource in gcp_exempt_resources_of(type_name)
	resource.mode != "managed"
}

gcp_exempt_service(config) := object.get(config.attributes, "service", null)

gcp_exempt_all_services(config) if {
	is_string(gcp_exempt_service(config))
	lower(gcp_exempt_service(config)) == "allservices"
}

# --- each configuration --------------------------------------------------------------------------------

# allServices is judged with its log types by LOG-GCPAUDIT-001.
deny contains {"not_applicable": true, "resource": config.id} if {
	some config in configs
	gcp_exempt_all_services(config)
}

gcp_exempt_configs_value(config) := object.get(config.attributes, "audit_log_config", null)

# Exemptions a configuration lists: {index, log_type, members}, members set or unknown until apply.
gcp_exempt_exemptions(config) := [exemption |
	blocks := lib.blocks(gcp_exempt_configs_value(config))
	some index
	block := blocks[index]
	members := object.get(block, "exempted_members", null)
	lib.is_set(members)
	exemption := {"index": index, "log_type": object.get(block, "log_type", null), "members": members}
]

# Terraform writes audit_log_config as a list of blocks; Pulumi as a list too (auditLogConfigs).
gcp_exempt_path(config, index) := ["audit_log_config", index, "exempted_members"] if {
	is_array(gcp_exempt_configs_value(config))
} else := ["audit_log_config", "exempted_members"]

# A list unknown until apply reaches the result through its path: undetermined.
deny contains {"resource": config.id, "path": gcp_exempt_path(config, exemption.index), "message": msg} if {
	some config in configs
	not gcp_exempt_all_services(config)
	some exemption in gcp_exempt_exemptions(config)
	msg := concat("", ["audit configuration for ", lib.show(gcp_exempt_service(config)), " exempts principals from ", lib.show(exemption.log_type), " logging: exempted_members is ", lib.show(exemption.members), ", required none"])
}

deny contains {"resource": config.id, "path": ["audit_log_config"], "message": msg, "status": "undetermined"} if {
	some config in configs
	not gcp_exempt_all_services(config)
	lib.is_unknown(gcp_exempt_configs_value(config))
	msg := concat("", ["cannot tell whether the audit configuration for ", lib.show(gcp_exempt_service(config)), " exempts principals: audit_log_config is unknown until apply, required no exempted_members"])
}

# --- each project: the configurations that apply to it (as LOG-GCPAUDIT-002 finds them) -----------------

# Managed resources of a type with an edge to `target`, in the order of the edges, found as LOG-GCPAUDIT-002
# finds them.
gcp_exempt_referrers(target, type_name) := [resource |
	some resource in graph_refs.graph_resources_with_ids(graph_refs.graph_sources(target), gcp_exempt_resources_of(type_name))
	resource.mode == "managed"
]

gcp_exempt_of_type(type_name) := [config | some config in configs; config.type == type_name]

# The folders and organizations a project sits in, and whether their configurations apply to it:
# data.iacgate.lib.gcp_audit (shared with LOG-GCPAUDIT-002).
gcp_exempt_applying(project) := array.concat(
	gcp_exempt_referrers(project.id, "google_project_iam_audit_config"),
	array.concat(
		[config | some config in gcp_exempt_of_type("google_folder_iam_audit_config"); gcp_audit.gcp_placement_folder_applies(config, project)],
		[config | some config in gcp_exempt_of_type("google_organization_iam_audit_config"); gcp_audit.gcp_placement_org_applies(config, project)],
	),
)

# What a configuration exempts, as people read it ("storage.googleapis.com DATA_READ: user:a") when the
# members are known.
gcp_exempt_found(project) := [text |
	some config in gcp_exempt_applying(project)
	some exemption in gcp_exempt_exemptions(config)
	members := exemption.members
	is_array(members)
	shown := gcp_exempt_members_text(members)
	text := concat("", [config.id, " exempts ", shown, " from ", lib.show(exemption.log_type), " for ", lib.show(gcp_exempt_service(config))])
]

# The members a list names; members known only after apply are said so.
gcp_exempt_members_text(members) := concat(", ", names) if {
	names := [member | some member in members; is_string(member)]
	count(names) == count(members)
} else := concat("", [concat(", ", [member | some member in members; is_string(member)]), " and members known only after apply"]) if {
	count([member | some member in members; is_string(member)]) > 0
} else := "members known only after apply"

# An applying configuration whose exemptions are unknown until apply (the list or the blocks).
gcp_exempt_unknown_config(config) if {
	some exemption in gcp_exempt_exemptions(config)
	lib.is_unknown(exemption.members)
}

gcp_exempt_unknown_config(config) if lib.is_unknown(gcp_exempt_configs_value(config))

gcp_exempt_project_unknown(project) if {
	some config in gcp_exempt_applying(project)
	gcp_exempt_unknown_config(config)
}

# Where the project sits is unknown until apply while a folder or organization configuration of the
# configuration exempts principals (or may): it may apply.
gcp_exempt_project_unknown(project) if {
	some key in ["folder_id", "org_id"]
	lib.is_unknown(object.get(project.attributes, key, null))
	count(gcp_audit.gcp_placement_project_folders(project)) == 0
	some config in configs
	config.type != "google_project_iam_audit_config"
	gcp_exempt_exempting(config)
}

gcp_exempt_exempting(config) if count(gcp_exempt_exemptions(config)) > 0

gcp_exempt_exempting(config) if lib.is_unknown(gcp_exempt_configs_value(config))

deny contains {"resource": project.id, "path": [], "message": msg} if {
	some project in projects
	found := gcp_exempt_found(project)
	count(found) > 0
	msg := concat("", ["principals are exempted from the project's audit logs (GCP combines the exemptions of every audit configuration that applies): ", concat("; ", sort(found)), ", required no exempted_members in any audit configuration of the project, its folder or its organization"])
}

deny contains {"resource": project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some project in projects
	count(gcp_exempt_found(project)) == 0
	gcp_exempt_project_unknown(project)
	msg := "cannot tell whether principals are exempted from the project's audit logs: the exempted_members of an audit configuration that applies to it, or the project's folder_id or org_id, is unknown until apply, required no exempted_members in any audit configuration that applies"
}
