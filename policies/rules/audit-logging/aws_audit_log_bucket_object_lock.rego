# LOG-S3-002: the S3 buckets audit logs are delivered to are protected by S3 Object Lock.
package iacgate.rules.audit_logging.aws_audit_log_bucket_object_lock

import data.iacgate.lib
import rego.v1

# A bucket is a log destination when a CloudTrail trail delivers to it (s3_bucket_name), when other
# buckets send their server access logs to it (aws_s3_bucket_logging target_bucket, an inline logging
# block, CloudFormation LoggingConfiguration), or when a VPC flow log delivers to it (log_destination).
# Other buckets are not this rule's concern: not applicable, never a pass.
sources := array.concat(
	array.concat(
		lib.referrers_via("aws_cloudtrail", "s3_bucket_name"),
		lib.referrers_via("aws_s3_bucket_logging", "target_bucket"),
	),
	array.concat(
		array.concat(lib.referrers_via("aws_s3_bucket", "logging"), lib.referrers_via("aws_s3_bucket", "logging_configuration")),
		lib.referrers_via("aws_flow_log", "log_destination"),
	),
)

deny contains {"not_applicable": true} if count(sources) == 0

# Object Lock: object_lock_enabled (AWS provider 4+; CloudFormation ObjectLockEnabled), the legacy
# object_lock_configuration.object_lock_enabled = "Enabled", or an aws_s3_bucket_object_lock_configuration
# naming the bucket.
aws_audit_object_lock if lib.is_true(lib.attr("object_lock_enabled"))

aws_audit_object_lock if {
	some block in lib.attr_blocks("object_lock_configuration")
	value := object.get(block, "object_lock_enabled", null)
	is_string(value)
	lower(value) == "enabled"
}

aws_audit_object_lock if count(lib.referrers_via("aws_s3_bucket_object_lock_configuration", "bucket")) > 0

deny contains lib.violation(["object_lock_enabled"], msg) if {
	count(sources) > 0
	not aws_audit_object_lock
	msg := concat("", [
		"audit log bucket can be emptied or its logs overwritten: object_lock_enabled is ",
		lib.attr_text("object_lock_enabled"),
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_s3_bucket_object_lock_configuration refers to it"),
		", required S3 Object Lock (governance or compliance retention)",
	])
}
