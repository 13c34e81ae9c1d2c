# Azure (azurerm) helpers for the encryption and audit-logging packs: attribute names that changed between
# provider versions, TLS version ordering, nested settings, and the separate resources (diagnostic
# settings, server configurations) that carry a resource's settings.
#
# Messages are joined with concat, not sprintf: regopy 1.5.2 quotes some computed strings inside %s.
package iacgate.lib.azure

import data.iacgate.lib
import rego.v1

# --- attributes renamed in azurerm 4.0 ---------------------------------------------------------------

# The name under which the resource sets a setting: the azurerm 4 name when set, else the azurerm 3 name
# when set, else the azurerm 4 name (where a finding about a missing value points).
renamed(current, legacy) := legacy if {
	not lib.is_set(lib.attr(current))
	lib.is_set(lib.attr(legacy))
} else := current

# --- Pulumi azure-native ------------------------------------------------------------------------------

# A resource of a Pulumi azure-native stack (azure-native:storage:StorageAccount ...): its inputs are the
# ARM resource's properties, lifted out of `properties` and in snake_case (encryption.key_source,
# minimal_tls_version), not the azurerm arguments the classic azure package shares with Terraform. A rule
# reads them with native_value and leaves the azurerm arguments to the other resources.
native if startswith(object.get(input.resource, "native_type", ""), "azure-native:")

# The value at an attribute path of an azure-native resource: the unknown marker when an object on the way
# is unknown until the update (a preview's output), else the value or null.
native_value(path) := found if {
	unknowns := [value |
		some length in numbers.range(1, count(path) - 1)
		value := object.get(lib.attrs, array.slice(path, 0, length), null)
		lib.is_unknown(value)
	]
	count(path) > 1
	count(unknowns) > 0
	found := unknowns[0]
} else := object.get(lib.attrs, path, null)

# An object on the way to an azure-native attribute path is unknown until the update: whether the setting
# is there at all cannot be told (an unknown setting itself counts as set).
native_unknown_above(path) if {
	some length in numbers.range(1, count(path) - 1)
	count(path) > 1
	lib.is_unknown(object.get(lib.attrs, array.slice(path, 0, length), null))
}

# --- TLS versions ------------------------------------------------------------------------------------

# Every spelling azurerm uses for a minimum TLS version below 1.2, or for TLS not enforced at all:
# storage (TLS1_0), SQL, Redis and App Service ("1.0"), MySQL/PostgreSQL single server
# (TLSEnforcementDisabled), Azure SQL ("Disabled").
# "1" is an unquoted 1.0 after Terraform's conversion to a string.
weak_tls_versions := {
	"tls1_0", "tls1_1", "1", "1.0", "1.1", "tlsenforcementdisabled", "disabled",
}

# Compared after Terraform's type conversion: minimum_tls_version = 1.1 (a number) is "1.1".
weak_tls(value) if {
	text := lib.tf_string(value)
	is_string(text)
	lower(text) in weak_tls_versions
}

# --- nested blocks -----------------------------------------------------------------------------------

# The first block of a nested-block attribute (site_config, retention_policy), or an empty object.
first_block(name) := block if {
	blocks := lib.attr_blocks(name)
	count(blocks) > 0
	block := blocks[0]
} else := {}

# A setting inside the first block of a nested-block attribute, or null.
block_attr(name, setting) := object.get(first_block(name), setting, null)

# A setting inside the first block of a nested-block attribute as a rule must judge it: the unknown marker
# when the whole block is unknown until apply (`site_config = var.x`, a dynamic block), else block_attr.
# A rule that flags only an explicit bad value also flags lib.is_unknown(block_value(...)) at
# block_setting_path(...), which the engine reports as undetermined.
block_value(name, setting) := raw if {
	raw := lib.attr(name)
	lib.is_unknown(raw)
} else := block_attr(name, setting)

# Where a finding about a setting of a nested block points: [name, 0, setting] (Terraform's list of
# blocks), [name, setting] when the source writes the block as one object (Pulumi, azapi), [name] when the
# whole block is unknown.
block_setting_path(name, setting) := [name] if {
	lib.is_unknown(lib.attr(name))
} else := [name, setting] if {
	is_object(lib.attr(name))
} else := [name, 0, setting]

# --- server configurations ---------------------------------------------------------------------------

# Server parameters set by separate resources (azurerm_postgresql_configuration,
# azurerm_mysql_flexible_server_configuration ...) that refer to the server under evaluation:
# {parameter name (lower case): {"value": value, "id": resource id}}.
server_parameters(type_names) := {lower(name): {"value": value, "id": entry.resource.id} |
	some entry in input.related
	entry.direction == "in"
	entry.resource.type in type_names
	name := object.get(entry.resource.attributes, "name", null)
	is_string(name)
	value := object.get(entry.resource.attributes, "value", null)
}

# A parameter value as a lower-case string ("ON" and "on" are the same setting).
parameter_text(value) := lower(value) if {
	is_string(value)
} else := lib.show(value)

# --- diagnostic settings -----------------------------------------------------------------------------

# Diagnostic settings that name the resource under evaluation as their target: azurerm ones, and
# azapi_resource diagnostic settings (type Microsoft.Insights/diagnosticSettings, parent_id the target),
# read into the azurerm shape.
diagnostic_settings := array.concat(
	lib.referrers_via("azurerm_monitor_diagnostic_setting", "target_resource_id"),
	azapi_diagnostic_settings,
)

azapi_diagnostic_settings := [setting |
	some neighbour in lib.referrers_via("azapi_resource", "parent_id")
	declared := object.get(neighbour.attributes, "type", null)
	is_string(declared)
	lower(trim_space(split(declared, "@")[0])) == "microsoft.insights/diagnosticsettings"
	properties := object.get(azure_arm_body(neighbour), "properties", {})
	setting := {
		"id": neighbour.id,
		"type": neighbour.type,
		"attributes": {
			"enabled_log": azure_arm_logs(properties),
			"log_analytics_workspace_id": object.get(properties, "workspaceId", null),
			"storage_account_id": object.get(properties, "storageAccountId", null),
			"eventhub_authorization_rule_id": object.get(properties, "eventHubAuthorizationRuleId", null),
			"partner_solution_id": object.get(properties, "marketplacePartnerId", null),
		},
	}
]

# An azapi_resource (a neighbour, or a resource of a whole-graph input) of type
# Microsoft.Insights/diagnosticSettings.
azapi_is_diagnostic_setting(resource) if {
	declared := object.get(resource.attributes, "type", null)
	is_string(declared)
	lower(trim_space(split(declared, "@")[0])) == "microsoft.insights/diagnosticsettings"
}

# A Microsoft.Insights/diagnosticSettings azapi_resource read into the azurerm shape, as
# azapi_diagnostic_settings reads a neighbour: no logs and no destination when its body is unknown. (Not
# called from azapi_diagnostic_settings: regopy 1.5.2 compiles every `with` of a Rego test over the code a
# rule reaches, and the rules on diagnostic settings then ran their tests out of memory.)
azapi_diagnostic_setting(resource) := setting if {
	properties := object.get(azure_arm_body(resource), "properties", {})
	setting := {
		"id": resource.id,
		"type": resource.type,
		"attributes": {
			"enabled_log": azure_arm_logs(properties),
			"log_analytics_workspace_id": object.get(properties, "workspaceId", null),
			"storage_account_id": object.get(properties, "storageAccountId", null),
			"eventhub_authorization_rule_id": object.get(properties, "eventHubAuthorizationRuleId", null),
			"partner_solution_id": object.get(properties, "marketplacePartnerId", null),
		},
	}
}

# An azapi_resource's ARM body as an object: jsonencode'd (azapi 1) or an object (azapi 2), else {}.
azure_arm_body(neighbour) := decoded if {
	raw := object.get(neighbour.attributes, "body", null)
	is_string(raw)
	json.is_valid(raw)
	decoded := json.unmarshal(raw)
	is_object(decoded)
} else := raw if {
	raw := object.get(neighbour.attributes, "body", null)
	is_object(raw)
	not lib.is_unknown(raw)
} else := {}

# The enabled entries of an ARM diagnostic setting's properties.logs as enabled_log blocks; an entry whose
# enabled is unknown until apply is marked so (it sends nothing certain: see diagnostic_uncertain).
azure_arm_logs(properties) := [block |
	some entry in lib.blocks(object.get(properties, "logs", []))
	enabled := object.get(entry, "enabled", true)
	not lib.is_false(enabled)
	category := object.get(entry, "category", null)
	group := object.get(entry, "categoryGroup", null)
	block := {"category": category, "category_group": group, "enabled_unknown": count([1 | lib.is_unknown(enabled)]) > 0}
]

# Log categories and category groups a diagnostic setting sends: enabled_log (azurerm 3.39+) and the
# older log block when enabled (its enabled defaults to true).
# An entry whose enabled is unknown until apply sends nothing certain and is left out.
diagnostic_log_names(setting) := {lower(name) |
	some block in lib.blocks(object.get(setting.attributes, "enabled_log", []))
	object.get(block, "enabled_unknown", false) == false
	some key in ["category", "category_group"]
	name := object.get(block, key, null)
	is_string(name)
} | {lower(name) |
	some block in lib.blocks(object.get(setting.attributes, "log", []))
	enabled := object.get(block, "enabled", true)
	not lib.is_false(enabled)
	not lib.is_unknown(enabled)
	some key in ["category", "category_group"]
	name := object.get(block, key, null)
	is_string(name)
}

# A diagnostic setting targeting the resource whose logs cannot be told until apply: an entry whose
# enabled is unknown, or an azapi body unknown as a whole. A rule that finds the resource's logs missing
# then answers undetermined (diagnostic_violation), never passed and never failed on it.
diagnostic_uncertain if {
	some setting in diagnostic_settings
	some block in lib.blocks(object.get(setting.attributes, "enabled_log", []))
	object.get(block, "enabled_unknown", false) == true
}

# An azurerm setting whose log blocks are unknown as a whole (a dynamic "enabled_log" over
# data.azurerm_monitor_diagnostic_categories or a module variable), or an older log block's enabled.
diagnostic_uncertain if {
	some setting in lib.referrers_via("azurerm_monitor_diagnostic_setting", "target_resource_id")
	azurerm_diagnostic_uncertain(setting)
}

diagnostic_uncertain if {
	some neighbour in lib.referrers_via("azapi_resource", "parent_id")
	lib.is_unknown(object.get(neighbour.attributes, "body", null))
}

# Whether a diagnostic setting's logs can be told, for a rule that reads the settings itself (the whole-graph
# LOG-AZMONITOR-002); diagnostic_uncertain above reads the neighbours of the resource under evaluation.
#
# An azurerm_monitor_diagnostic_setting (as a neighbour or a resource of a whole-graph input) whose log
# blocks are unknown until apply (a dynamic block), or one of whose older log blocks has an enabled
# unknown until apply. azurerm 3 computes both enabled_log and log, which conflict: a plan shows the one
# the configuration leaves out unknown, so an unknown one beside written blocks of the other is no doubt.
azurerm_diagnostic_uncertain(setting) if {
	some key in ["enabled_log", "log"]
	lib.is_unknown(object.get(setting.attributes, key, null))
	count(azurerm_diagnostic_written_blocks(setting)) == 0
}

azurerm_diagnostic_uncertain(setting) if {
	some block in lib.blocks(object.get(setting.attributes, "log", []))
	lib.is_unknown(object.get(block, "enabled", true))
}

# The enabled_log and log blocks a diagnostic setting writes (known ones: an unknown whole holds none).
azurerm_diagnostic_written_blocks(setting) := array.concat(
	lib.blocks(object.get(setting.attributes, "enabled_log", null)),
	lib.blocks(object.get(setting.attributes, "log", null)),
)

# An azapi_resource (as a neighbour or a resource of a whole-graph input) that may be a diagnostic setting
# whose logs cannot be told until apply: its type is unknown, or it is a Microsoft.Insights/diagnosticSettings
# whose body, properties or properties.logs, or a logs entry (as a whole, its category, categoryGroup or
# enabled), is unknown until apply.
azapi_diagnostic_uncertain(resource) if lib.is_unknown(object.get(resource.attributes, "type", null))

azapi_diagnostic_uncertain(resource) if {
	azapi_is_diagnostic_setting(resource)
	azapi_diagnostic_logs_unknown(resource)
}

azapi_diagnostic_logs_unknown(resource) if lib.is_unknown(object.get(resource.attributes, "body", null))

azapi_diagnostic_logs_unknown(resource) if lib.is_unknown(object.get(azure_arm_body(resource), "properties", null))

azapi_diagnostic_logs_unknown(resource) if {
	properties := object.get(azure_arm_body(resource), "properties", {})
	lib.is_unknown(object.get(properties, "logs", null))
}

azapi_diagnostic_logs_unknown(resource) if {
	properties := object.get(azure_arm_body(resource), "properties", {})
	logs := object.get(properties, "logs", [])
	is_array(logs)
	some entry in logs
	lib.is_unknown(entry)
}

azapi_diagnostic_logs_unknown(resource) if {
	properties := object.get(azure_arm_body(resource), "properties", {})
	logs := object.get(properties, "logs", [])
	is_array(logs)
	some entry in logs
	is_object(entry)
	some key in ["category", "categoryGroup", "enabled"]
	lib.is_unknown(object.get(entry, key, null))
}

# A failure of a rule on the logs diagnostic settings send: undetermined where a setting is uncertain.
diagnostic_status := "undetermined" if diagnostic_uncertain else := "fail"

diagnostic_note := " (cannot decide: a diagnostic setting targeting it has logs unknown until apply)" if {
	diagnostic_uncertain
} else := ""

diagnostic_violation(path, message) := {"path": path, "message": concat("", [message, diagnostic_note]), "status": diagnostic_status}

# A diagnostic setting delivers somewhere: a Log Analytics workspace, a storage account, an event hub or
# a partner solution.
diagnostic_destination(setting) if {
	some key in ["log_analytics_workspace_id", "storage_account_id", "eventhub_authorization_rule_id", "partner_solution_id"]
	lib.is_set(object.get(setting.attributes, key, null))
}

# A diagnostic setting on the resource that delivers one of the given categories or category groups.
diagnostic_logs_any(names) if {
	some setting in diagnostic_settings
	diagnostic_destination(setting)
	count(diagnostic_log_names(setting) & names) > 0
}

# --- SQL auditing ------------------------------------------------------------------------------------

# Whether an auditing policy (its attributes) is on: azurerm's enabled (default true), or the ARM state
# "Enabled"/"Disabled" of a Pulumi azure-native (Extended)ServerBlobAuditingPolicy; an unknown one is
# returned as it is.
auditing_enabled(attributes) := object.get(attributes, "enabled", true) if {
	not "state" in object.keys(attributes)
} else := attributes.state if {
	lib.is_unknown(attributes.state)
} else := lower(attributes.state) == "enabled" if {
	is_string(attributes.state)
} else := false

# --- settings ----------------------------------------------------------------------------------------

settings := object.get(input, "settings", {})

# Shortest retention of SQL auditing and NSG flow logs (input.settings.azure_min_audit_retention_days,
# default 90: PCI DSS 10.5.1 keeps three months immediately available).
min_audit_retention_days := object.get(settings, "azure_min_audit_retention_days", 90)

# Shortest activity-log retention (input.settings.min_log_retention_days, default 365, the setting the
# CloudWatch retention rule reads too).
min_activity_log_retention_days := object.get(settings, "min_log_retention_days", 365)
