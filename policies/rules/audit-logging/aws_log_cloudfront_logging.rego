# LOG-CLOUDFRONT-001: CloudFront distributions write standard (access) logs.
package iacgate.rules.audit_logging.aws_log_cloudfront_logging

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(aws_log.log_cloudfront_logging_path, msg) if {
	not aws_log.log_cloudfront_standard_logging
	msg := concat("", [
		"CloudFront distribution writes no access logs: logging_config is not set ",
		"and no aws_cloudwatch_log_delivery_source names it, ",
		"required standard logging to an S3 bucket or CloudWatch Logs delivery",
	])
}
