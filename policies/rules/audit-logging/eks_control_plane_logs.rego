# LOG-EKS-001: EKS clusters send their api, audit and authenticator control-plane logs to CloudWatch Logs.
package iacgate.rules.audit_logging.eks_control_plane_logs

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

deny contains lib.violation(logging.eks_log_types_path, msg) if {
	missing := logging.eks_required_log_types - logging.eks_log_types
	count(missing) > 0
	msg := concat("", [
		"EKS cluster does not log its control plane: log types ", concat(", ", sort(missing)),
		" are not enabled (enabled: ", enabled_text, "), required api, audit and authenticator",
	])
}

enabled_text := "none" if {
	count(logging.eks_log_types) == 0
} else := concat(", ", sort(logging.eks_log_types))
