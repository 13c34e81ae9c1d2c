# LOG-EKS-001: EKS clusters send their api, audit and authenticator control-plane logs to CloudWatch Logs.
package iacgate.rules.audit_logging.eks_control_plane_logs

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

# The log type names written (an entry unknown until apply is not a name: it may be any type).
named := {name | some name in logging.eks_log_types; is_string(name)}

eks_control_plane_logs_unknown_entry if logging.eks_log_types_undecided

missing := logging.eks_required_log_types - named

msg := concat("", [
	"EKS cluster does not log its control plane: log types ", concat(", ", sort(missing)),
	" are not enabled (enabled: ", enabled_text, "), required api, audit and authenticator",
])

deny contains lib.violation(logging.eks_log_types_path, msg) if {
	count(missing) > 0
	not eks_control_plane_logs_unknown_entry
}

# A list (or an entry of it) unknown until apply may hold the missing types: undetermined.
deny contains lib.undetermined(logging.eks_log_types_path, msg) if {
	count(missing) > 0
	eks_control_plane_logs_unknown_entry
}

enabled_text := "none" if {
	count(named) == 0
} else := concat(", ", sort(named))
