# LOG-GCPSTORAGE-002: Cloud Storage buckets do not deliver their usage logs to themselves.
package iacgate.rules.audit_logging.gcp_storage_self_logging

import data.iacgate.lib
import rego.v1

logging_value := lib.attr("logging")

logging_blocks := lib.blocks(logging_value)

# Terraform writes logging as a one-element list of blocks, Pulumi as an object.
logging_path := ["logging", 0] if {
	is_array(logging_value)
} else := ["logging"]

log_bucket := object.get(logging_blocks[0], "log_bucket", null) if {
	count(logging_blocks) > 0
} else := null

name := lib.attr("name")

# A bucket without access logging is LOG-GCPSTORAGE-001's concern, not this rule's.
deny contains {"not_applicable": true} if {
	not lib.is_unknown(logging_value)
	not lib.is_set(log_bucket)
}

# The log bucket is another bucket of the configuration (a reference cannot name its own resource).
names_another_bucket if {
	some entry in input.related
	entry.direction == "out"
	entry.attribute == "logging"
	entry.resource.type == "google_storage_bucket"
	entry.resource.id != input.resource.id
}

bucket_name(value) := trim_suffix(trim_prefix(lower(value), "gs://"), "/") if is_string(value)

deny contains lib.violation(array.concat(logging_path, ["log_bucket"]), msg) if {
	not names_another_bucket
	bucket_name(log_bucket) == bucket_name(name)
	msg := concat("", ["bucket delivers its usage logs to itself: logging.log_bucket is ", lib.show(log_bucket), ", the bucket's own name, required a separate log bucket"])
}

# Unknown until apply (and no reference to another bucket): cannot tell whether it is the bucket itself.
deny contains lib.violation(array.concat(logging_path, ["log_bucket"]), msg) if {
	not names_another_bucket
	lib.is_unknown(log_bucket)
	msg := "cannot tell whether the bucket delivers its usage logs to itself: logging.log_bucket is unknown, required a separate log bucket"
}

deny contains lib.undetermined(["name"], msg) if {
	not names_another_bucket
	is_string(log_bucket)
	lib.is_unknown(name)
	msg := concat("", ["cannot tell whether the bucket delivers its usage logs to itself: name is unknown until apply and logging.log_bucket is ", log_bucket, ", required a separate log bucket"])
}

deny contains lib.undetermined(["logging"], "cannot tell whether the bucket delivers its usage logs to itself: logging is unknown until apply, required a separate log bucket") if {
	lib.is_unknown(logging_value)
}
