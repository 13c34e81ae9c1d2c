# LOG-S3-001: S3 buckets record server access logs.
package iacgate.rules.audit_logging.s3_access_logging

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# A bucket that receives the access logs of other buckets is not asked to log itself: logging it into
# itself loops, and the usual design stops the chain there.
deny contains lib.violation(aws.s3_logging_path, msg) if {
	not aws.s3_access_logging
	not aws.s3_access_log_target
	msg := concat("", [
		"S3 bucket records no server access logs: ", aws.s3_logging_text,
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_s3_bucket_logging refers to it"),
		", required access logging to another bucket",
	])
}
