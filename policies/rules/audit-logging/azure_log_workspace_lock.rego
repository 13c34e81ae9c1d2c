# LOG-AZMONITOR-006: Log Analytics workspaces, where audit logs are kept, are protected against deletion by
# a management lock (CanNotDelete or ReadOnly) on the workspace or on its resource group.
#
# A whole-graph rule (scope: graph): a lock on the workspace's resource group refers to the group, not to
# the workspace, so it is no neighbour of the workspace. Results name the workspace they are about.
# Functions are prefixed azure_lock_.
package iacgate.rules.audit_logging.azure_log_workspace_lock

import data.iacgate.lib
import rego.v1

azure_lock_resources_of(type_name) := object.get(input.resources_by_type, type_name, [])

workspaces := [workspace |
	some workspace in azure_lock_resources_of("azurerm_log_analytics_workspace")
	workspace.mode == "managed"
]

locks := [lock | some lock in azure_lock_resources_of("azurerm_management_lock"); lock.mode == "managed"]

# Workspaces only read (data sources) are governed elsewhere: no check.
deny contains {"not_applicable": true, "resource": workspace.id} if {
	some workspace in azure_lock_resources_of("azurerm_log_analytics_workspace")
	workspace.mode != "managed"
}

azure_lock_by_id := {resource.id: resource |
	some resources in input.resources_by_type
	some resource in resources
}

# The resources `source` refers to through `attribute`.
azure_lock_targets(source, attribute) := [azure_lock_by_id[edge.target] |
	some edge in input.edges
	edge.source == source
	edge.attribute == attribute
	azure_lock_by_id[edge.target]
]

azure_lock_text(value) := lower(trim_right(trim_space(value), "/")) if is_string(value)

azure_lock_attr(resource, name) := object.get(resource.attributes, name, null)

# A lock level that protects against deletion (ReadOnly prevents changes too).
azure_lock_protective(lock) if {
	level := azure_lock_attr(lock, "lock_level")
	is_string(level)
	lower(level) in {"cannotdelete", "readonly"}
}

azure_lock_level_unknown(lock) if lib.is_unknown(azure_lock_attr(lock, "lock_level"))

# The workspace's resource group: the azurerm_resource_group its resource_group_name refers to, and its
# literal name.
azure_lock_workspace_groups(workspace) := azure_lock_targets(workspace.id, "resource_group_name")

azure_lock_group_name(workspace) := azure_lock_text(azure_lock_attr(workspace, "resource_group_name"))

# The lock's scope is the workspace: a reference to it, or its literal resource id.
azure_lock_covers(lock, workspace) if {
	some target in azure_lock_targets(lock.id, "scope")
	target.id == workspace.id
}

azure_lock_covers(lock, workspace) if {
	scope := azure_lock_text(azure_lock_attr(lock, "scope"))
	name := azure_lock_text(azure_lock_attr(workspace, "name"))
	group := azure_lock_group_name(workspace)
	endswith(scope, concat("", ["/resourcegroups/", group, "/providers/microsoft.operationalinsights/workspaces/", name]))
}

# ... or the workspace's resource group: a reference to the group the workspace refers to, a reference to
# a group of the same literal name, or the group's literal resource id.
azure_lock_covers(lock, workspace) if {
	some target in azure_lock_targets(lock.id, "scope")
	target.type == "azurerm_resource_group"
	azure_lock_same_group(target, workspace)
}

azure_lock_covers(lock, workspace) if {
	scope := azure_lock_text(azure_lock_attr(lock, "scope"))
	group := azure_lock_group_name(workspace)
	regex.match(`^/subscriptions/[^/]+/resourcegroups/[^/]+$`, scope)
	endswith(scope, concat("", ["/resourcegroups/", group]))
}

azure_lock_same_group(group, workspace) if {
	some own in azure_lock_workspace_groups(workspace)
	own.id == group.id
}

azure_lock_same_group(group, workspace) if {
	name := azure_lock_text(azure_lock_attr(group, "name"))
	name == azure_lock_group_name(workspace)
}

azure_lock_protected(workspace) if {
	some lock in locks
	azure_lock_protective(lock)
	azure_lock_covers(lock, workspace)
}

# A lock whose scope is unknown until apply and refers to nothing may be on the workspace; a lock on the
# workspace whose level is unknown may protect it.
azure_lock_maybe(workspace) if {
	some lock in locks
	azure_lock_level_unknown(lock)
	azure_lock_covers(lock, workspace)
}

azure_lock_maybe(_) if azure_lock_scope_unknown

azure_lock_scope_unknown if {
	some lock in locks
	lib.is_unknown(azure_lock_attr(lock, "scope"))
	count(azure_lock_targets(lock.id, "scope")) == 0
	not azure_lock_level_known_weak(lock)
}

# The workspace's resource group is unknown until apply and refers to no group, beside a protective lock
# on a resource group: it may be the workspace's.
azure_lock_maybe(workspace) if {
	lib.is_unknown(azure_lock_attr(workspace, "resource_group_name"))
	count(azure_lock_workspace_groups(workspace)) == 0
	some lock in locks
	azure_lock_protective(lock)
	azure_lock_on_a_group(lock)
}

azure_lock_on_a_group(lock) if {
	some target in azure_lock_targets(lock.id, "scope")
	target.type == "azurerm_resource_group"
}

azure_lock_on_a_group(lock) if regex.match(`^/subscriptions/[^/]+/resourcegroups/[^/]+$`, azure_lock_text(azure_lock_attr(lock, "scope")))

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

deny contains {"resource": workspace.id, "path": [], "message": azure_lock_message} if {
	some workspace in workspaces
	not azure_lock_protected(workspace)
	not azure_lock_maybe(workspace)
}

deny contains {"resource": workspace.id, "path": [], "message": msg, "status": "undetermined"} if {
	some workspace in workspaces
	not azure_lock_protected(workspace)
	azure_lock_maybe(workspace)
	msg := "cannot tell whether the Log Analytics workspace is protected against deletion: the lock_level or scope of an azurerm_management_lock that may apply to it is unknown until apply, required a CanNotDelete (or ReadOnly) management lock on the workspace or its resource group"
}
