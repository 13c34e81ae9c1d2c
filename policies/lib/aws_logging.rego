# AWS audit-logging helpers: where each format keeps a logging setting, one clause per format, so that the
# rules of the audit-logging pack read like the controls they enforce.
package iacgate.lib.aws.logging

import data.iacgate.lib
import rego.v1

# --- CloudTrail ----------------------------------------------------------------------------------

# Whether the trail records: Terraform and Pulumi say enable_logging (default true), CloudFormation
# IsLogging (required).
cloudtrail_logging_attribute := "is_logging" if {
	input.resource.format == "cloudformation"
} else := "enable_logging"

# --- EKS -----------------------------------------------------------------------------------------

# Control-plane log types an audit trail of the cluster needs.
eks_required_log_types := {"api", "audit", "authenticator"}

# Enabled log types. Terraform and Pulumi: enabled_cluster_log_types, a list of names ...
eks_log_types := {name | some name in lib.attr("enabled_cluster_log_types")} if {
	input.resource.format != "cloudformation"
	is_array(lib.attr("enabled_cluster_log_types"))
} else := cloudformation_eks_log_types if {
	input.resource.format == "cloudformation"
} else := set()

# ... CloudFormation: Logging.ClusterLogging.EnabledTypes, a list of {Type: name}. An entry unknown as a
# whole stays in the set as itself (not a name: it may be any type).
cloudformation_eks_log_types := {name |
	some entry in cloudformation_eks_entries
	name := eks_entry_name(entry)
}

cloudformation_eks_entries := [entry |
	some logging in lib.attr_blocks("logging")
	some cluster_logging in lib.blocks(object.get(logging, "cluster_logging", []))
	entries := object.get(cluster_logging, "enabled_types", [])
	is_array(entries)
	some entry in entries
]

eks_entry_name(entry) := entry if {
	lib.is_unknown(entry)
} else := object.get(entry, "type", null) if {
	is_object(entry)
}

# The list of enabled types, or a block holding it, is unknown until apply: it may hold any type.
eks_log_types_unknown if {
	input.resource.format != "cloudformation"
	lib.is_unknown(lib.attr("enabled_cluster_log_types"))
}

eks_log_types_unknown if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("logging"))
}

eks_log_types_unknown if {
	input.resource.format == "cloudformation"
	some logging in lib.attr_blocks("logging")
	cluster_logging := object.get(logging, "cluster_logging", null)
	lib.is_unknown(cluster_logging)
}

eks_log_types_unknown if {
	input.resource.format == "cloudformation"
	some logging in lib.attr_blocks("logging")
	some cluster_logging in lib.blocks(object.get(logging, "cluster_logging", []))
	lib.is_unknown(object.get(cluster_logging, "enabled_types", null))
}

# Some enabled type is unknown until apply (the list, a block holding it, or one entry).
eks_log_types_undecided if eks_log_types_unknown

eks_log_types_undecided if {
	some name in eks_log_types
	not is_string(name)
}

eks_log_types_path := ["logging"] if {
	input.resource.format == "cloudformation"
} else := ["enabled_cluster_log_types"]

# --- Database log exports ---------------------------------------------------------------------------

# Neptune names the list enable_cloudwatch_logs_exports (Terraform, CloudFormation EnableCloudwatchLogs
# Exports, Pulumi), the others enabled_cloudwatch_logs_exports; also when the list is not set, so that the
# finding names the argument the cluster has (it named EnabledCloudwatchLogsExports on a template).
log_exports_attribute := "enabled_cloudwatch_logs_exports" if {
	input.resource.type == "aws_neptune_cluster"
	lib.attr("enable_cloudwatch_logs_exports") == null
	lib.attr("enabled_cloudwatch_logs_exports") != null
} else := "enable_cloudwatch_logs_exports" if {
	input.resource.type == "aws_neptune_cluster"
} else := "enabled_cloudwatch_logs_exports"

required_log_exports := {"audit", "profiler"} if {
	input.resource.type == "aws_docdb_cluster"
} else := {"audit"} if {
	input.resource.type == "aws_neptune_cluster"
} else := set()

# --- CloudWatch Logs -----------------------------------------------------------------------------

# The shortest retention a log group may have (input.settings.min_log_retention_days, default 365).
min_log_retention_days := object.get(object.get(input, "settings", {}), "min_log_retention_days", 365)
