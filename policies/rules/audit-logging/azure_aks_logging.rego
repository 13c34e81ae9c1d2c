# LOG-AZAKS-001: AKS clusters send their logs to Azure Monitor: the Container Insights agent (oms_agent)
# or a diagnostic setting with the control plane's audit logs.
package iacgate.rules.audit_logging.azure_aks_logging

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# An azapi_resource managed cluster is judged like azurerm_kubernetes_cluster: the Container Insights
# add-on is properties.addonProfiles.omsagent (enabled, config.logAnalyticsWorkspaceResourceID).
deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.containerservice/managedclusters"})

deny contains azapi.type_undetermined if azapi.type_unknown

arm_oms := azapi.arm_value(["properties", "addonProfiles", "omsagent"])

monitored if {
	azapi.is_azapi
	is_object(arm_oms)
	not lib.is_unknown(arm_oms)
	lib.is_true(object.get(arm_oms, "enabled", false))
	lib.is_set(object.get(object.get(arm_oms, "config", {}), "logAnalyticsWorkspaceResourceID", null))
}

arm_unknown if {
	azapi.is_azapi
	lib.is_unknown(arm_oms)
}

# kube-audit and kube-audit-admin are the API server's audit logs; the audit and allLogs groups hold them.
audit_logs := {"kube-audit", "kube-audit-admin", "audit", "alllogs"}

oms_value := lib.attr("oms_agent")

oms := azure.first_block("oms_agent")

# azurerm 2: addon_profile { oms_agent { enabled, log_analytics_workspace_id } }.
legacy_oms := block if {
	addon := azure.first_block("addon_profile")
	blocks := lib.blocks(object.get(addon, "oms_agent", []))
	count(blocks) > 0
	block := blocks[0]
} else := {}

# An unknown workspace id counts as set: it will name a workspace.
monitored if lib.is_set(object.get(oms, "log_analytics_workspace_id", null))

monitored if {
	not lib.is_false(object.get(legacy_oms, "enabled", true))
	lib.is_set(object.get(legacy_oms, "log_analytics_workspace_id", null))
}

monitored if azure.diagnostic_logs_any(audit_logs)

# Pulumi azure-native ManagedCluster: the ARM add-on map, addonProfiles.omsagent {enabled,
# config.logAnalyticsWorkspaceResourceID}, read as addon_profiles.
native_oms := object.get(lib.attr("addon_profiles"), "omsagent", {}) if {
	is_object(lib.attr("addon_profiles"))
	not lib.is_unknown(lib.attr("addon_profiles"))
} else := {}

monitored if {
	not azapi.is_azapi
	lib.is_true(object.get(native_oms, "enabled", false))
	config := object.get(native_oms, "config", {})
	is_object(config)
	some key in ["log_analytics_workspace_resource_id", "logAnalyticsWorkspaceResourceID"]
	lib.is_set(object.get(config, key, null))
}

# A dynamic oms_agent block (or an azapi body) unknown until apply: cannot tell.
deny contains lib.undetermined(["oms_agent"], msg) if {
	not monitored
	not azapi.is_azapi
	lib.is_unknown(oms_value)
	msg := "cannot tell whether the cluster sends its logs to Azure Monitor: oms_agent is unknown until apply, required oms_agent with a Log Analytics workspace or a diagnostic setting sending kube-audit"
}

deny contains lib.undetermined(["body"], msg) if {
	not monitored
	arm_unknown
	not azapi.type_unknown # may be no cluster: judged at its type only (azapi.type_undetermined)
	msg := "cannot tell whether the cluster sends its logs to Azure Monitor: properties.addonProfiles.omsagent of the body is unknown until apply, required the omsagent add-on with a Log Analytics workspace or a diagnostic setting sending kube-audit"
}

# A diagnostic setting targeting the cluster whose logs are unknown until apply may send kube-audit: the
# failures below are then undetermined (azure.diagnostic_violation).
deny contains azure.diagnostic_violation(azapi.body_path(["properties", "addonProfiles"]), msg) if {
	not monitored
	azapi.is_azapi
	not azapi.type_unknown # may be no cluster: judged at its type only (azapi.type_undetermined)
	not arm_unknown
	msg := concat("", ["cluster logs reach no Azure Monitor destination: properties.addonProfiles.omsagent is ", lib.show(arm_oms), " and ", found, ", required the omsagent add-on enabled with config.logAnalyticsWorkspaceResourceID or a diagnostic setting sending kube-audit"])
}

deny contains azure.diagnostic_violation(path, msg) if {
	not monitored
	not azapi.is_azapi
	not lib.is_unknown(oms_value)
	path := missing_path
	msg := concat("", ["cluster logs reach no Azure Monitor destination: ", oms_text, " and ", found, ", required ", oms_required, " or an azurerm_monitor_diagnostic_setting sending kube-audit (or kube-audit-admin, the audit or allLogs group)"])
}

found := "no azurerm_monitor_diagnostic_setting targets the cluster" if {
	count(azure.diagnostic_settings) == 0
} else := "its diagnostic settings send no kube-audit logs to a destination"

# What the cluster says of the Container Insights add-on: azure-native's ARM add-on map, or oms_agent.
native_shape if {
	is_object(lib.attr("addon_profiles"))
	not lib.is_unknown(lib.attr("addon_profiles"))
}

oms_text := concat("", ["addon_profiles.omsagent.enabled is ", lib.show(object.get(native_oms, "enabled", null))]) if {
	native_shape
} else := concat("", ["oms_agent.log_analytics_workspace_id is ", lib.show(object.get(oms, "log_analytics_workspace_id", null))])

oms_required := "addon_profiles.omsagent enabled with a Log Analytics workspace" if {
	native_shape
} else := "oms_agent with a Log Analytics workspace"

# Terraform writes oms_agent as a list of blocks, Pulumi as an object.
missing_path := ["addon_profiles", "omsagent", "enabled"] if {
	native_shape
	object.get(native_oms, "enabled", null) != null
} else := ["oms_agent", 0, "log_analytics_workspace_id"] if {
	is_array(oms_value)
	count(oms_value) > 0
} else := ["oms_agent", "log_analytics_workspace_id"] if {
	is_object(oms_value)
} else := []
