# LOG-AZMONITOR-006: Log Analytics workspaces, where audit logs are kept, are protected against deletion by
# a management lock (CanNotDelete or ReadOnly) on the workspace or on its resource group.
#
# A whole-graph rule (scope: graph): a lock on the workspace's resource group refers to the group, not to
# the workspace, so it is no neighbour of the workspace. Results name the workspace they are about.
# Functions are prefixed azure_lock_.
package iacgate.rules.audit_logging.azure_log_workspace_lock

import data.iacgate.lib
import data.iacgate.lib.graph_refs
import rego.v1

# The three types are looked up by literal name, so the rule is sent them alone, each with what it refers
# to (refers_to), not the whole graph and its edges: a lock's scope and a workspace's group are read there.
all_workspaces := object.get(input.resources_by_type, "azurerm_log_analytics_workspace", [])

workspaces := [workspace | some workspace in all_workspaces; workspace.mode == "managed"]

locks := [lock | some lock in object.get(input.resources_by_type, "azurerm_management_lock", []); lock.mode == "managed"]

resource_groups := object.get(input.resources_by_type, "azurerm_resource_group", [])

# Workspaces only read (data sources) are governed elsewhere: no check.
deny contains {"not_applicable": true, "resource": workspace.id} if {
	some workspace in all_workspaces
	workspace.mode != "managed"
}

# Each lock of the configuration with the keys of what its scope refers to, the resource groups among them
# and its scope as text (null when it is not a string), and each workspace with the keys a lock covering it
# by reference has, and its name and group as text. A key is "id:" and a referred address (the workspace),
# "group:" and a resource group's address, or "name:" and its name as text: a lock covers the workspace by
# reference when they share one. A lock is judged against every workspace: this is worked out once per
# query, in rules, where a function would be evaluated again at every call.
azure_lock_entries := [entry |
	some lock in locks
	refs := graph_refs.graph_references(lock, "scope")
	groups := graph_refs.graph_resources_with_ids(
		[ref.address | some ref in refs; ref.type == "azurerm_resource_group"],
		resource_groups,
	)
	scope := azure_lock_text_or_null(azure_lock_attr(lock, "scope"))
	entry := {
		"lock": lock,
		"refers": count(refs) > 0,
		"on_a_group": count(groups) > 0,
		"keys": array.concat(
			[concat("", ["id:", ref.address]) | some ref in refs],
			array.concat(
				[concat("", ["group:", group.id]) | some group in groups],
				[concat("", ["name:", name]) | some group in groups; name := azure_lock_text(azure_lock_attr(group, "name"))],
			),
		),
		"scope": scope,
		"group_scope": azure_lock_group_id(scope),
	}
]

azure_lock_workspace_entries := [entry |
	some workspace in workspaces
	group_ids := [ref.address | some ref in graph_refs.graph_references(workspace, "resource_group_name")]
	group := azure_lock_text_or_null(azure_lock_attr(workspace, "resource_group_name"))
	entry := {
		"workspace": workspace,
		"group_ids": group_ids,
		"keys": array.concat(
			[concat("", ["id:", workspace.id])],
			array.concat(
				[concat("", ["group:", id]) | some id in group_ids],
				[concat("", ["name:", group]) | is_string(group)],
			),
		),
		"name": azure_lock_text_or_null(azure_lock_attr(workspace, "name")),
		"group": group,
	}
]

azure_lock_text_or_null(value) := azure_lock_text(value) if is_string(value)

else := null

# Whether a scope is a resource group's literal resource id.
azure_lock_group_id(scope) if {
	is_string(scope)
	regex.match(`^/subscriptions/[^/]+/resourcegroups/[^/]+$`, scope)
} else := false

azure_lock_text(value) := lower(trim_right(trim_space(value), "/")) if is_string(value)

azure_lock_attr(resource, name) := object.get(resource.attributes, name, null)

# A lock level that protects against deletion (ReadOnly prevents changes too).
azure_lock_protective(lock) if {
	level := azure_lock_attr(lock, "lock_level")
	is_string(level)
	lower(level) in {"cannotdelete", "readonly"}
}

azure_lock_level_unknown(lock) if lib.is_unknown(azure_lock_attr(lock, "lock_level"))

# The lock's scope is the workspace or its resource group: a reference to the workspace, to the group the
# workspace refers to, or to a group of the same literal name (a shared key); or the literal resource id of
# either. `entry` is the lock's (azure_lock_entries), `place` the workspace's (azure_lock_workspace_entries).
azure_lock_covers(entry, place) if {
	some key in place.keys
	key in entry.keys
}

azure_lock_covers(entry, place) if azure_lock_covers_literally(entry, place)

azure_lock_covers_literally(entry, place) if {
	is_string(entry.scope)
	is_string(place.name)
	is_string(place.group)
	endswith(entry.scope, concat("", ["/resourcegroups/", place.group, "/providers/microsoft.operationalinsights/workspaces/", place.name]))
}

azure_lock_covers_literally(entry, place) if {
	entry.group_scope == true
	is_string(place.group)
	endswith(entry.scope, concat("", ["/resourcegroups/", place.group]))
}

# What the protective locks cover, worked out once: every workspace is judged against the set of their
# keys by a lookup, not against every lock (200 workspaces and 100 locks took 6 s that way). Only the locks
# with a literal scope are compared one by one, on their text.
azure_lock_protective_entries := [entry | some entry in azure_lock_entries; azure_lock_protective(entry.lock)]

azure_lock_protected_keys := {key | some entry in azure_lock_protective_entries; some key in entry.keys}

azure_lock_protective_literal_entries := [entry | some entry in azure_lock_protective_entries; is_string(entry.scope)]

azure_lock_protected(place) if {
	some key in place.keys
	azure_lock_protected_keys[key]
}

azure_lock_protected(place) if {
	some entry in azure_lock_protective_literal_entries
	azure_lock_covers_literally(entry, place)
}

# A lock whose scope is unknown until apply and refers to nothing may be on the workspace; a lock on the
# workspace whose level is unknown may protect it.
azure_lock_maybe(place) if {
	some entry in azure_lock_entries
	azure_lock_level_unknown(entry.lock)
	azure_lock_covers(entry, place)
}

azure_lock_maybe(_) if azure_lock_scope_unknown

azure_lock_scope_unknown if {
	some entry in azure_lock_entries
	lib.is_unknown(azure_lock_attr(entry.lock, "scope"))
	not entry.refers
	not azure_lock_level_known_weak(entry.lock)
}

# The workspace's resource group is unknown until apply and refers to no group, beside a protective lock
# on a resource group: it may be the workspace's.
azure_lock_maybe(place) if {
	lib.is_unknown(azure_lock_attr(place.workspace, "resource_group_name"))
	count(place.group_ids) == 0
	azure_lock_protective_on_a_group
}

azure_lock_protective_on_a_group if {
	some entry in azure_lock_protective_entries
	azure_lock_on_a_group(entry)
}

azure_lock_on_a_group(entry) if entry.on_a_group

azure_lock_on_a_group(entry) if entry.group_scope == true

azure_lock_level_known_weak(lock) if {
	level := azure_lock_attr(lock, "lock_level")
	is_string(level)
	not azure_lock_protective(lock)
}

azure_lock_message := concat("", [
	"Log Analytics workspace can be deleted with the audit logs it holds: no azurerm_management_lock with ",
	"lock_level CanNotDelete or ReadOnly has the workspace or its resource group as scope, ",
	"required a CanNotDelete (or ReadOnly) management lock on the workspace or its resource group",
])

deny contains {"resource": place.workspace.id, "path": [], "message": azure_lock_message} if {
	some place in azure_lock_workspace_entries
	not azure_lock_protected(place)
	not azure_lock_maybe(place)
}

deny contains {"resource": place.workspace.id, "path": [], "message": msg, "status": "undetermined"} if {
	some place in azure_lock_workspace_entries
	not azure_lock_protected(place)
	azure_lock_maybe(place)
	msg := "cannot tell whether the Log Analytics workspace is protected against deletion: the lock_level or scope of an azurerm_management_lock that may apply to it is unknown until apply, required a CanNotDelete (or ReadOnly) management lock on the workspace or its resource group"
}
