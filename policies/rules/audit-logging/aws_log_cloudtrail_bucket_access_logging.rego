# LOG-CLOUDTRAIL-007: the S3 bucket a CloudTrail trail delivers to records server access logs.
package iacgate.rules.audit_logging.aws_log_cloudtrail_bucket_access_logging

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# Trails that name this bucket in s3_bucket_name (CloudFormation S3BucketName).
trails := lib.referrers_via("aws_cloudtrail", "s3_bucket_name")

# A bucket no trail delivers to is not this rule's concern: not applicable, so it never counts as a pass.
deny contains {"not_applicable": true} if count(trails) == 0

# Unlike LOG-S3-001, a trail bucket that also receives other buckets' access logs is not exempt: who read
# or deleted the audit trail is the question this rule answers.
deny contains lib.violation(lib.missing_block_path("logging"), msg) if {
	count(trails) > 0
	not aws.s3_access_logging
	msg := concat("", [
		"CloudTrail bucket records no server access logs: trail ", concat(", ", sort([trail.id | some trail in trails])),
		" delivers to it and its logging is not set",
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_s3_bucket_logging refers to it"),
		", required access logging to another bucket",
	])
}
