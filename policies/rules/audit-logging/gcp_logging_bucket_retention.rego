# LOG-GCPLOGGING-001: Google Cloud Logging buckets (google_logging_*_bucket_config retention_days,
# default 30) keep logs at least the configured minimum, settings.min_log_retention_days (lib.retention,
# default 365), the one minimum of every cloud (Log Analytics workspaces: LOG-AZMONITOR-004).
package iacgate.rules.audit_logging.gcp_logging_bucket_retention

import data.iacgate.lib
import data.iacgate.lib.retention
import rego.v1

# The retention attribute of each type and what the provider keeps when it is left out.
attributes := {
	"google_logging_project_bucket_config": "retention_days",
	"google_logging_folder_bucket_config": "retention_days",
	"google_logging_organization_bucket_config": "retention_days",
	"google_logging_billing_account_bucket_config": "retention_days",
}

name := attributes[input.resource.type]

days := lib.attr(name)

# Left out, a bucket keeps 30 days: too short for an audit trail.
deny contains lib.violation([name], msg) if {
	not lib.is_set(days)
	msg := concat("", ["log store keeps logs for 30 days (the default): ", name, " is not set, required at least ", retention.min_days_text, " days"])
}

deny contains lib.violation([name], msg) if {
	retention.retention_short(days, null)
	msg := concat("", ["log store keeps logs for ", lib.show(days), " days: ", name, " is ", lib.show(days), ", required at least ", retention.min_days_text, " days"])
}

deny contains lib.violation([name], msg) if {
	retention.retention_undecidable(days)
	msg := concat("", ["log store retention cannot be told: ", name, " is ", lib.show(days), ", required at least ", retention.min_days_text, " days"])
}
