# LOG-GCPSTORAGE-003: the Cloud Storage buckets logs are delivered to are protected by a locked retention
# policy.
package iacgate.rules.audit_logging.gcp_log_bucket_retention_lock

import data.iacgate.lib
import rego.v1

# A bucket is a log destination when a Cloud Logging sink routes logs to it (destination
# "storage.googleapis.com/<bucket>", project, folder, organization or billing-account sink) or when other
# buckets deliver their usage and storage logs to it (logging.log_bucket). Other buckets are not this
# rule's concern: not applicable, never a pass.
gcp_log_bucket_sources contains source if {
	some pair in [
		["google_logging_project_sink", "destination"],
		["google_logging_folder_sink", "destination"],
		["google_logging_organization_sink", "destination"],
		["google_logging_billing_account_sink", "destination"],
		["google_storage_bucket", "logging"],
	]
	some source in lib.referrers_via(pair[0], pair[1])
	source.id != input.resource.id
}

deny contains {"not_applicable": true} if count(gcp_log_bucket_sources) == 0

# retention_policy (Pulumi retentionPolicy): retention_period and is_locked. Until the policy is locked,
# whoever may update the bucket can remove the policy and then delete the logs; a locked policy can
# never be removed or shortened.
policy := lib.attr_blocks("retention_policy")[0] if {
	count(lib.attr_blocks("retention_policy")) > 0
} else := {}

policy_path := ["retention_policy"] if {
	is_object(lib.attr("retention_policy"))
} else := ["retention_policy", 0]

locked := object.get(policy, "is_locked", null)

deny contains lib.violation(lib.missing_block_path("retention_policy"), msg) if {
	count(gcp_log_bucket_sources) > 0
	count(lib.attr_blocks("retention_policy")) == 0
	msg := "log bucket can be emptied or its logs overwritten: retention_policy is not set, required a retention policy with is_locked = true"
}

deny contains lib.violation(array.concat(policy_path, ["is_locked"]), msg) if {
	count(gcp_log_bucket_sources) > 0
	count(lib.attr_blocks("retention_policy")) > 0
	not lib.is_true(locked)
	msg := concat("", [
		"log bucket can be emptied or its logs overwritten: retention_policy.is_locked is ",
		lib.show(locked), lib.when_not_set(locked, "false"), ", required true",
	])
}
