# LOG-EKS-002: EKS clusters also send their controllerManager and scheduler control-plane logs to
# CloudWatch Logs (LOG-EKS-001 judges api, audit and authenticator).
package iacgate.rules.audit_logging.aws_audit_eks_all_log_types

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

required := {"controllerManager", "scheduler"}

# The log type names written (an entry unknown until apply is not a name: it may be any type).
named := {name | some name in logging.eks_log_types; is_string(name)}

missing := required - named

msg := concat("", [
	"EKS cluster does not log its controller manager and scheduler: log types ", concat(", ", sort(missing)),
	" are not enabled (enabled: ", aws_audit_eks_enabled_text, "), required controllerManager and scheduler",
])

deny contains lib.violation(logging.eks_log_types_path, msg) if {
	count(missing) > 0
	not logging.eks_log_types_undecided
}

# A list (or an entry of it) unknown until apply may hold the missing types: undetermined.
deny contains lib.undetermined(logging.eks_log_types_path, msg) if {
	count(missing) > 0
	logging.eks_log_types_undecided
}

aws_audit_eks_enabled_text := "none" if {
	count(named) == 0
} else := concat(", ", sort(named))
