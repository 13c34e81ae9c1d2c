# LOG-S3-002: the S3 buckets audit logs are delivered to are protected by S3 Object Lock with a default
# retention in COMPLIANCE mode (GOVERNANCE mode can be bypassed).
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

# The default retention modes the bucket declares: the legacy inline object_lock_configuration.rule
# (CloudFormation ObjectLockConfiguration.Rule) and the rule of an aws_s3_bucket_object_lock_configuration
# naming the bucket. A rule or default_retention block unknown until apply counts as an unknown mode.
aws_audit_lock_configurations := array.concat(
	lib.attr_blocks("object_lock_configuration"),
	[neighbour.attributes | some neighbour in lib.referrers_via("aws_s3_bucket_object_lock_configuration", "bucket")],
)

aws_audit_retention_modes := [mode |
	some configuration in aws_audit_lock_configurations
	some mode in aws_audit_configuration_modes(configuration)
]

aws_audit_configuration_modes(configuration) := [rule] if {
	rule := object.get(configuration, "rule", null)
	lib.is_unknown(rule)
} else := [mode |
	some rule in lib.blocks(object.get(configuration, "rule", []))
	some mode in aws_audit_rule_modes(rule)
]

aws_audit_rule_modes(rule) := [retention] if {
	retention := object.get(rule, "default_retention", null)
	lib.is_unknown(retention)
} else := [mode |
	some retention in lib.blocks(object.get(rule, "default_retention", []))
	mode := object.get(retention, "mode", null)
	lib.is_set(mode)
]

aws_audit_mode_is(mode, wanted) if {
	is_string(mode)
	upper(trim_space(mode)) == wanted
}

aws_audit_compliance if {
	some mode in aws_audit_retention_modes
	aws_audit_mode_is(mode, "COMPLIANCE")
}

aws_audit_mode_unknown if {
	some mode in aws_audit_retention_modes
	lib.is_unknown(mode)
}

aws_audit_governance if {
	some mode in aws_audit_retention_modes
	aws_audit_mode_is(mode, "GOVERNANCE")
}

lock_clause := lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_s3_bucket_object_lock_configuration refers to it")

deny contains lib.violation(["object_lock_enabled"], msg) if {
	count(sources) > 0
	not aws_audit_object_lock
	msg := concat("", [
		"audit log bucket can be emptied or its logs overwritten: object_lock_enabled is ",
		lib.attr_text("object_lock_enabled"),
		lock_clause,
		", required S3 Object Lock with a default retention in COMPLIANCE mode",
	])
}

# Object Lock without a default retention locks only the objects written with a retention of their own:
# CloudTrail, S3 server access logging and flow logs write none, so their logs stay deletable.
deny contains lib.violation(["object_lock_configuration"], msg) if {
	count(sources) > 0
	aws_audit_object_lock
	count(aws_audit_retention_modes) == 0
	msg := concat("", [
		"audit log bucket has Object Lock but no default retention, so the logs delivered to it are not locked: ",
		"object_lock_configuration.rule.default_retention is not set",
		lock_clause,
		", required a default_retention in COMPLIANCE mode",
	])
}

# GOVERNANCE mode can be bypassed: a principal with s3:BypassGovernanceRetention who sends
# x-amz-bypass-governance-retention can delete the logs or shorten their retention. Only COMPLIANCE mode
# holds against every user, the root user included (the counterpart of a locked Azure immutability
# policy or Cloud Storage retention policy).
deny contains lib.violation(["object_lock_configuration"], msg) if {
	count(sources) > 0
	not aws_audit_compliance
	not aws_audit_mode_unknown
	aws_audit_governance
	msg := "audit log bucket's Object Lock can be bypassed: default_retention mode is GOVERNANCE, which any principal with s3:BypassGovernanceRetention can override to delete the logs or shorten their retention, required COMPLIANCE"
}

deny contains lib.undetermined(["object_lock_configuration"], msg) if {
	count(sources) > 0
	not aws_audit_compliance
	aws_audit_mode_unknown
	msg := "cannot tell whether the audit log bucket's Object Lock can be bypassed: the default_retention mode is unknown until apply, required COMPLIANCE"
}
