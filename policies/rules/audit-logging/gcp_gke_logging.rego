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
	not lib.is_unknown(components)
	not "SYSTEM_COMPONENTS" in components_list(components)
	msg := concat("", ["cluster does not log its system components: logging_config.enable_components is ", shown(components), ", required to include SYSTEM_COMPONENTS"])
}

components_list(value) := value if {
	is_array(value)
} else := []

shown(value) := concat(", ", value) if {
	is_array(value)
	count(value) > 0
} else := "empty"
