# LOG-GCPGKE-002: GKE clusters route traffic between Pods on one node through the VPC (intranode
# visibility), so flow logs and firewall rules see it.
package iacgate.rules.audit_logging.gcp_gke_intranode_visibility

import data.iacgate.lib
import rego.v1

visibility := lib.attr("enable_intranode_visibility")

autopilot_value := lib.attr("enable_autopilot")

# Standard clusters: disabled by default, so it must be set to true (an unknown value is undetermined
# through its path).
deny contains lib.violation(["enable_intranode_visibility"], msg) if {
	standard
	not lib.is_true(visibility)
	not plan_computed_default
	msg := concat("", ["pod-to-pod traffic on one node bypasses VPC flow logs: enable_intranode_visibility is ", lib.show(visibility), ", required true"])
}

# In a plan, enable_intranode_visibility is optional and computed: left out of the configuration it is
# unknown until apply, and on a Standard cluster the API then leaves it off. A plan knows every variable,
# so an unknown value there is the provider's default, not a value the configuration chose.
plan_computed_default if {
	input.resource.format == "terraform-plan"
	lib.is_unknown(visibility)
}

deny contains object.union(lib.violation(["enable_intranode_visibility"], msg), {"decided": true}) if {
	standard
	plan_computed_default
	msg := "pod-to-pod traffic on one node bypasses VPC flow logs: enable_intranode_visibility is not set (default false on Standard clusters), required true"
}

standard if {
	not lib.is_true(autopilot_value)
	not lib.is_unknown(autopilot_value)
}

# Autopilot clusters: enabled by default; only turning it off is flagged.
deny contains lib.violation(["enable_intranode_visibility"], msg) if {
	lib.is_true(autopilot_value)
	lib.is_false(visibility)
	msg := "pod-to-pod traffic on one node bypasses VPC flow logs: enable_intranode_visibility is false on an Autopilot cluster, required true (the Autopilot default)"
}

# Whether the cluster is Autopilot decides the default: unknown, it is undetermined unless set to true.
deny contains lib.undetermined(["enable_autopilot"], msg) if {
	lib.is_unknown(autopilot_value)
	not lib.is_true(visibility)
	msg := concat("", ["cannot tell whether pod-to-pod traffic on one node reaches VPC flow logs: enable_autopilot is unknown until apply and enable_intranode_visibility is ", lib.show(visibility), ", required true"])
}
