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
import data.iacgate.lib.gcp_audit
import rego.v1

# Every audit configuration, of the project, folder and organization kinds (types looked up by literal
# name: data.iacgate.lib.gcp_audit says why).
all_configs := array.concat(
	gcp_audit.gcp_placement_project_audit_configs,
	array.concat(gcp_audit.gcp_placement_folder_audit_configs, gcp_audit.gcp_placement_organization_audit_configs),
)

configs := [config | some config in all_configs; config.mode == "managed"]

all_projects := object.get(input.resources_by_type, "google_project", [])

projects := [project | some project in all_projects; project.mode == "managed"]

# Projects and configurations only read (data sources) are governed elsewhere: no check.
deny contains {"not_applicable": true, "resource": resource.id} if {
	some resource in array.concat(all_configs, all_projects)
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

# Each managed project, worked out once per query (data.iacgate.lib.gcp_audit, shared with
# LOG-GCPAUDIT-002, says why): where it sits, and the managed audit configurations that apply to it (its own
# google_project_iam_audit_config resources, then those of its folder and organization).
project_entries := [entry |
	some project in projects
	place := gcp_audit.gcp_placement_project(project)
	own := [config |
		some config in gcp_audit.gcp_placement_own_audit_configs(project)
		config.mode == "managed"
	]
	entry := {"project": project, "place": place, "applying": array.concat(own, gcp_audit.gcp_placement_inherited_by(place))}
]

# What a configuration exempts, as people read it ("storage.googleapis.com DATA_READ: user:a") when the
# members are known.
gcp_exempt_found(entry) := [text |
	some config in entry.applying
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

gcp_exempt_project_unknown(entry) if {
	some config in entry.applying
	gcp_exempt_unknown_config(config)
}

# Where the project sits is unknown until apply while a folder or organization configuration of the
# configuration exempts principals (or may): it may apply.
gcp_exempt_project_unknown(entry) if {
	gcp_audit.gcp_placement_unknown(entry.project, entry.place)
	inherited_exempting
}

inherited_exempting if {
	some placed in gcp_audit.gcp_placement_inherited
	gcp_exempt_exempting(placed.config)
}

gcp_exempt_exempting(config) if count(gcp_exempt_exemptions(config)) > 0

gcp_exempt_exempting(config) if lib.is_unknown(gcp_exempt_configs_value(config))

deny contains {"resource": entry.project.id, "path": [], "message": msg} if {
	some entry in project_entries
	found := gcp_exempt_found(entry)
	count(found) > 0
	msg := concat("", ["principals are exempted from the project's audit logs (GCP combines the exemptions of every audit configuration that applies): ", concat("; ", sort(found)), ", required no exempted_members in any audit configuration of the project, its folder or its organization"])
}

deny contains {"resource": entry.project.id, "path": [], "message": msg, "status": "undetermined"} if {
	some entry in project_entries
	count(gcp_exempt_found(entry)) == 0
	gcp_exempt_project_unknown(entry)
	msg := "cannot tell whether principals are exempted from the project's audit logs: the exempted_members of an audit configuration that applies to it, or the project's folder_id or org_id, is unknown until apply, required no exempted_members in any audit configuration that applies"
}
