# LOG-GCPGKE-001: GKE clusters send system and workload logs to Cloud Logging.
package iacgate.rules.audit_logging.gcp_gke_logging

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

deny contains lib.violation(["logging_service"], msg) if {
	value := lib.attr("logging_service")
	is_string(value)
	lower(value) == "none"
	msg := "cluster sends no logs to Cloud Logging: logging_service is none, required logging.googleapis.com/kubernetes (the default)"
}

deny contains lib.violation(["logging_config", 0, "enable_components"], msg) if {
	gcp.has_block("logging_config")
	components := gcp.block_setting(lib.attrs, "logging_config", "enable_components")
	not "SYSTEM_COMPONENTS" in components_list(components)
	not gcp_gke_logging_unknown_component(components)
	msg := concat("", ["cluster does not log its system components: logging_config.enable_components is ", shown(components), ", required to include SYSTEM_COMPONENTS"])
}

# A list unknown until apply is reported at its path (the engine calls it undetermined); an entry unknown
# until apply may be SYSTEM_COMPONENTS: undetermined, never a pass.
gcp_gke_logging_unknown_component(components) if {
	some entry in components_list(components)
	not is_string(entry)
}

deny contains lib.undetermined(["logging_config", 0, "enable_components"], msg) if {
	gcp.has_block("logging_config")
	components := gcp.block_setting(lib.attrs, "logging_config", "enable_components")
	not "SYSTEM_COMPONENTS" in components_list(components)
	gcp_gke_logging_unknown_component(components)
	msg := concat("", ["cluster may not log its system components: logging_config.enable_components is ", shown(components), ", required to include SYSTEM_COMPONENTS"])
}

components_list(value) := value if {
	is_array(value)
} else := []

shown(value) := concat(", ", [gcp_gke_logging_text(entry) | some entry in value]) if {
	is_array(value)
	count(value) > 0
} else := lib.show(value) if {
	lib.is_unknown(value)
} else := "empty"

gcp_gke_logging_text(entry) := entry if {
	is_string(entry)
} else := lib.show(entry)

# logging_service or logging_config unknown until apply may turn logging off: reported at their paths. A
# plan shows both unknown for every cluster that leaves them out (the provider computes them), so there an
# unknown is the default, not a value someone chose.
deny contains lib.violation(["logging_service"], msg) if {
	input.resource.format != "terraform-plan"
	lib.is_unknown(lib.attr("logging_service"))
	msg := "cluster may send no logs to Cloud Logging: logging_service is unknown until apply, required logging.googleapis.com/kubernetes (the default)"
}

deny contains lib.violation(["logging_config"], msg) if {
	input.resource.format != "terraform-plan"
	lib.is_unknown(lib.attr("logging_config"))
	msg := "cluster may not log its system components: logging_config is unknown until apply, required enable_components to include SYSTEM_COMPONENTS"
}
