# LOG-REDSHIFT-001: Redshift clusters have audit logging.
package iacgate.rules.audit_logging.aws_log_redshift_audit_logging

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(path, msg) if {
	not aws_log.log_redshift_audit_logging
	blocks := lib.attr_blocks("logging")
	count(blocks) > 0
	path := array.concat(aws_log.log_block_path("logging"), ["enable"])
	msg := concat("", ["Redshift cluster has no audit logging: logging.enable is ", lib.show(object.get(blocks[0], "enable", null)), ", required true (or an aws_redshift_logging for the cluster)"])
}

deny contains lib.violation(lib.missing_block_path("logging"), msg) if {
	not aws_log.log_redshift_audit_logging
	count(lib.attr_blocks("logging")) == 0
	msg := concat("", [
		"Redshift cluster has no audit logging: logging is not set",
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_redshift_logging refers to it"),
		", required audit logs to S3 or CloudWatch Logs",
	])
}
