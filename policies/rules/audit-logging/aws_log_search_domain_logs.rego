# LOG-OPENSEARCH-001: OpenSearch and Elasticsearch domains publish audit, application and slow logs.
package iacgate.rules.audit_logging.aws_log_search_domain_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

missing := aws_log.log_search_required_types - aws_log.log_search_enabled_types

# A type written but switched off: point at its enabled flag.
deny contains lib.violation(entry.path, msg) if {
	some entry in aws_log.log_search_publishing
	entry.type in missing
	msg := concat("", ["search domain does not publish ", entry.type, ": enabled is ", lib.show(entry.enabled), ", required true"])
}

# Types not written at all. A type unknown until apply (log_type = var.type) may be a missing one, and a
# whole list unknown may hold them all: undetermined, never a pass.
written := {entry.type | some entry in aws_log.log_search_publishing; is_string(entry.type)}

absent := missing - written

absent_msg := concat("", [
	"search domain does not publish ", concat(", ", sort(absent)), ": log_publishing_options has ",
	types_text(written), ", required ", concat(", ", sort(aws_log.log_search_required_types)),
])

aws_log_search_domain_logs_unknown_type if {
	some entry in aws_log.log_search_publishing
	not is_string(entry.type)
}

aws_log_search_domain_logs_unknown_type if lib.is_unknown(lib.attr("log_publishing_options"))

deny contains lib.violation(lib.missing_block_path("log_publishing_options"), absent_msg) if {
	count(absent) > 0
	not aws_log_search_domain_logs_unknown_type
}

deny contains lib.undetermined(["log_publishing_options"], absent_msg) if {
	count(absent) > 0
	aws_log_search_domain_logs_unknown_type
}

# Spelled out here: the engines render an empty set differently through lib.show.
types_text(types) := "no log type" if {
	count(types) == 0
} else := concat(", ", sort(types))

# No audit logs, and fine-grained access control (without which they cannot be on, and are not required)
# unknown until apply: undetermined, never a pass.
deny contains lib.undetermined(path, msg) if {
	aws_log.log_search_fine_grained_unknown
	not "AUDIT_LOGS" in aws_log.log_search_enabled_types
	path := fine_grained_path
	msg := "cannot tell whether the search domain must publish AUDIT_LOGS: advanced_security_options.enabled is unknown until apply, required AUDIT_LOGS published when fine-grained access control is on"
}

fine_grained_path := ["advanced_security_options"] if {
	lib.is_unknown(lib.attr("advanced_security_options"))
} else := array.concat(aws_log.log_block_path("advanced_security_options"), ["enabled"])
