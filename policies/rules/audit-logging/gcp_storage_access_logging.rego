# LOG-GCPSTORAGE-001: Cloud Storage buckets deliver usage (access) logs to a log bucket.
package iacgate.rules.audit_logging.gcp_storage_access_logging

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# A bucket that receives other buckets' usage logs would log the delivery of its own logs.
log_bucket if count(lib.referrers_via("google_storage_bucket", "logging")) > 0

# A bucket other buckets deliver their usage logs to is not concerned (logging its own deliveries adds no
# evidence): no check, rather than a pass.
deny contains {"not_applicable": true} if log_bucket

deny contains lib.violation(path, msg) if {
	not log_bucket
	not gcp.gcp_setting_set("logging", "log_bucket")
	path := gcp.gcp_setting_path("logging", "log_bucket")
	msg := concat("", [
		"bucket has no access logging: logging.log_bucket is ", gcp.gcp_setting_text("logging", "log_bucket"),
		", required a log bucket receiving its usage logs",
	])
}
