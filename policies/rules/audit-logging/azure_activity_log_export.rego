# LOG-AZMONITOR-002: the diagnostic settings of a subscription, together, export the activity log
# categories an audit needs (Administrative, Security, Policy, Alert) to a destination.
#
# A whole-graph rule (scope: graph): Azure allows up to five diagnostic settings per target and a category
# sent by any of them is exported, so the settings of one subscription are judged together, and settings
# naming the same subscription are not neighbours of each other. Results name the setting they are about.
# A setting is an azurerm_monitor_diagnostic_setting (target_resource_id the subscription) or an
# azapi_resource of type Microsoft.Insights/diagnosticSettings (parent_id the subscription, body
# properties.logs and a destination), as Azure Verified Modules write it.
#
# What each setting sends and the subscription it targets (azure_activity_facts), what each subscription's
# settings leave out together (azure_activity_report) and the results (azure_activity_findings) are rules
# over the whole graph, each computed once per query: with each setting's group worked out per setting,
# regopy 1.5.2 stopped ("a builtin call raised an error") on a graph of a few hundred settings. Each of
# these rules reads the one before it once: under `with` (the Rego unit tests) regopy evaluates a rule anew
# at every reference, and deny rules each reading the graph's rules ran it out of memory.
package iacgate.rules.audit_logging.azure_activity_log_export

import data.iacgate.lib
import data.iacgate.lib.azure
import data.iacgate.lib.graph_refs
import rego.v1

required := ["Administrative", "Security", "Policy", "Alert"]

# The words findings use for each provider's settings.
azure_activity_words := {
	"azurerm": {
		"target": "target_resource_id",
		"logs": "enabled_log",
		"logs_path": ["enabled_log"],
		"destinations": "log_analytics_workspace_id, storage_account_id, eventhub_authorization_rule_id and partner_solution_id are",
	},
	"azapi": {
		"target": "parent_id",
		"logs": "properties.logs",
		"logs_path": ["body", "properties", "logs"],
		"destinations": "properties.workspaceId, storageAccountId, eventHubAuthorizationRuleId and marketplacePartnerId are",
	},
}

# The two types are looked up by literal name, so the rule is sent them alone, each setting with what it
# refers to (refers_to), not the whole graph: looking a setting's target up among the edges took time
# linear in the edges for every setting, and a thousand settings stopped the scan (exit 3).
azure_activity_azurerm_settings := object.get(input.resources_by_type, "azurerm_monitor_diagnostic_setting", [])

azure_activity_azapi_resources := object.get(input.resources_by_type, "azapi_resource", [])

# An azapi_resource whose type is unknown until apply may be a diagnostic setting: it is judged as one whose
# logs are unknown (azure.azapi_diagnostic_uncertain) and sends nothing known.
azure_activity_type_unknown(resource) if lib.is_unknown(object.get(resource.attributes, "type", null))

azure_activity_candidate(resource) if azure.azapi_is_diagnostic_setting(resource)

azure_activity_candidate(resource) if azure_activity_type_unknown(resource)

# --- each setting --------------------------------------------------------------------------------------

# Every managed setting: azurerm ones, and azapi_resource ones read into the azurerm shape. Where a setting
# is judged (azure_activity_place) is worked out first: what the settings of other resources (a vault, a
# storage account) send is never read, so a configuration with a diagnostic setting on every resource pays
# for its subscription settings alone.
azure_activity_facts := array.concat(
	[fact |
		some setting in azure_activity_azurerm_settings
		setting.mode == "managed"
		fact := azure_activity_azurerm_fact(setting, azure_activity_place(setting, "azurerm"))
	],
	[fact |
		some resource in azure_activity_azapi_resources
		resource.mode == "managed"
		azure_activity_candidate(resource)
		fact := azure_activity_azapi_fact(resource, azure_activity_place(resource, "azapi"))
	],
)

azure_activity_azurerm_fact(setting, place) := {"id": setting.id, "group": null} if {
	place.group == null
} else := fact if {
	view := {"id": setting.id, "attributes": setting.attributes}
	uncertain := count([1 | azure.azurerm_diagnostic_uncertain(setting)]) > 0
	fact := azure_activity_fact(setting, "azurerm", place, view, uncertain, false, false)
}

azure_activity_azapi_fact(resource, place) := {"id": resource.id, "group": null} if {
	place.group == null
} else := fact if {
	view := azure.azapi_diagnostic_setting(resource)
	uncertain := count([1 | azure.azapi_diagnostic_uncertain(resource)]) > 0
	type_unknown := count([1 | azure_activity_type_unknown(resource)]) > 0
	body_unknown := count([1 | azure_activity_body_unknown(resource)]) > 0
	fact := azure_activity_fact(resource, "azapi", place, view, uncertain, type_unknown, body_unknown)
}

# An azapi_resource whose body, or its properties, is unknown until apply.
azure_activity_body_unknown(resource) if lib.is_unknown(object.get(resource.attributes, "body", null))

azure_activity_body_unknown(resource) if lib.is_unknown(object.get(azure.azure_arm_body(resource), "properties", null))

# What a setting sends and where its target is. `uncertain`: its logs cannot be told until apply (azurerm
# log blocks or an older log block's enabled; an azapi_resource's type, body, properties.logs or a logs
# entry). `destination_unknown`: an azapi_resource whose type is unknown, or whose body or properties are
# unknown and name no known destination (whether it is a diagnostic setting with a destination cannot be
# told). An entry whose enabled is unknown until apply sends nothing (azure.diagnostic_log_names), nor does
# a setting without a destination or an azapi_resource whose type is unknown.
azure_activity_fact(setting, kind, place, view, uncertain, type_unknown, body_unknown) := fact if {
	destination := count([1 | azure.diagnostic_destination(view)]) > 0
	log_names := azure.diagnostic_log_names(view)
	names := {name | some name in log_names; destination == true; type_unknown == false}
	fact := {
		"id": setting.id,
		"kind": kind,
		"key": place.key,
		"group": place.group,
		"destination": destination,
		"names": names,
		"uncertain": uncertain,
		"type_unknown": type_unknown,
		"destination_unknown": (count([1 | type_unknown == true]) + count([1 | body_unknown == true; destination == false])) > 0,
	}
}

# The subscription a setting targets (`key`) and the group it is judged in (`group`, null: not judged).
azure_activity_place(setting, kind) := {"key": key, "group": azure_activity_group_key(setting.id, key, target_unknown)} if {
	attribute := azure_activity_words[kind].target
	target := object.get(setting.attributes, attribute, null)
	referred := graph_refs.graph_references(setting, attribute)
	key := azure_activity_key(target, referred)
	target_unknown := count([1 | lib.is_unknown(target); count(referred) == 0]) > 0
}

# The subscription a setting targets, as a key settings of one subscription share: the literal
# "/subscriptions/<id>" (case and a trailing "/" aside), else the azurerm_subscription (data source or
# resource) its target refers to, else null.
azure_activity_key(target, referred) := concat("", ["id:", lower(trim_right(trim_space(target), "/"))]) if {
	is_string(target)
	regex.match(`^/subscriptions/[^/]+/?$`, lower(trim_space(target)))
} else := concat("", ["ref:", subscriptions[0]]) if {
	subscriptions := sort([ref.address | some ref in referred; ref.type == "azurerm_subscription"])
	count(subscriptions) > 0
} else := null

# The group a setting is judged in: its subscription's; itself alone when its target is unknown until apply
# and refers to no resource ("/subscriptions/${var.subscription_id}", a module input: it may be a
# subscription, and its results are undetermined); null (not judged) otherwise.
azure_activity_group_key(id, key, target_unknown) := key if {
	key != null
} else := concat("", ["alone:", id]) if {
	target_unknown == true
} else := null

# --- each subscription's settings together ---------------------------------------------------------------

# The settings and what each group of them leaves out together (and whether one of them has logs unknown
# until apply: it may send the missing categories), in one rule that reads azure_activity_facts once.
azure_activity_report := {"facts": facts, "summaries": summaries} if {
	facts := azure_activity_facts
	groups := {fact.group | some fact in facts; fact.group != null}
	summaries := {group: summary |
		some group in groups
		members := [fact | some fact in facts; fact.group == group]
		summary := azure_activity_summary(members)
	}
}

azure_activity_summary(members) := summary if {
	sent := {name | some fact in members; some name in fact.names}
	missing := [category |
		some category in required
		not lower(category) in sent
		not "alllogs" in sent
		not "audit" in sent
	]
	summary := {
		"missing": missing,
		"unknown": count([1 | some fact in members; fact.uncertain == true]) > 0,
		"size": count(members),
	}
}

# --- results ---------------------------------------------------------------------------------------------

deny contains finding if some finding in azure_activity_findings

deny contains {"not_applicable": true, "resource": setting.id} if {
	some setting in array.concat(azure_activity_azurerm_settings, azure_activity_azapi_resources)
	setting.mode != "managed"
}

# An azapi_resource of another ARM type is no diagnostic setting.
deny contains {"not_applicable": true, "resource": resource.id} if {
	some resource in azure_activity_azapi_resources
	not azure_activity_candidate(resource)
}

# Every result about the settings, in one rule that reads azure_activity_report once.
azure_activity_findings := findings if {
	report := azure_activity_report
	facts := report.facts
	summaries := report.summaries

	# Diagnostic settings of other resources (a vault, a storage account) are other rules' concern: one
	# result names them all (a set of one result per setting is built in time quadratic in its size).
	others := {finding |
		ids := [fact.id | some fact in facts; fact.group == null]
		count(ids) > 0
		finding := {"not_applicable": true, "resources": ids}
	}

	# A setting without a destination is reported for that alone (below) and adds no category.
	incomplete := {finding |
		some fact in facts
		fact.group != null
		fact.destination == true
		summary := summaries[fact.group]
		count(summary.missing) > 0
		summary.unknown == false
		msg := concat("", ["subscription activity log is not exported in full: ", azure_activity_sources(fact, summary), " leave out ", concat(", ", summary.missing), ", required Administrative, Security, Policy and Alert (or the allLogs group)"])
		finding := azure_activity_result(fact, azure_activity_words[fact.kind].logs_path, msg)
	}

	undecided := {finding |
		some fact in facts
		fact.group != null
		count([1 | fact.destination == true]) + count([1 | fact.destination_unknown == true]) > 0
		summary := summaries[fact.group]
		count(summary.missing) > 0
		summary.unknown == true
		msg := "cannot tell which activity log categories the subscription exports: the logs of one of its diagnostic settings (enabled_log, or the type, body or properties.logs of an azapi one) are unknown until apply, required Administrative, Security, Policy and Alert"
		finding := {"resource": fact.id, "path": azure_activity_undetermined_path(fact), "message": msg, "status": "undetermined"}
	}

	# The subscription exports everything through its other settings, but whether this one has a
	# destination (or is a diagnostic setting at all) cannot be told: never a pass.
	unsure := {finding |
		some fact in facts
		fact.group != null
		fact.destination_unknown == true
		count(summaries[fact.group].missing) == 0
		msg := "cannot tell whether this azapi_resource is a subscription diagnostic setting with a destination: its type or body is unknown until apply"
		finding := {"resource": fact.id, "path": azure_activity_unknown_path(fact), "message": msg, "status": "undetermined"}
	}

	nowhere := {finding |
		some fact in facts
		fact.group != null
		fact.destination == false
		fact.destination_unknown == false
		msg := concat("", ["subscription activity log is exported nowhere: ", azure_activity_words[fact.kind].destinations, " not set, required a destination"])
		finding := azure_activity_result(fact, [], msg)
	}

	findings := (((others | incomplete) | undecided) | unsure) | nowhere
}

azure_activity_sources(fact, summary) := concat("", [azure_activity_words[fact.kind].logs, " categories"]) if {
	summary.size == 1
} else := concat("", [azure_activity_words[fact.kind].logs, " categories of its ", format_int(summary.size, 10), " diagnostic settings together"])

# The results of a possible subscription are undetermined: a known subscription fails.
azure_activity_result(fact, path, msg) := {"resource": fact.id, "path": path, "message": msg} if {
	fact.key != null
} else := {"resource": fact.id, "path": path, "message": concat("", [msg, " (if ", azure_activity_words[fact.kind].target, ", unknown until apply, is a subscription)"]), "status": "undetermined"}

# An azapi_resource of unknown type is reported at its type.
azure_activity_undetermined_path(fact) := ["type"] if {
	fact.type_unknown == true
} else := azure_activity_words[fact.kind].logs_path

azure_activity_unknown_path(fact) := ["type"] if {
	fact.type_unknown == true
} else := ["body"]
