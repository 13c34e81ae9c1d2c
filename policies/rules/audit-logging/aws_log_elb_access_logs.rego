# LOG-ELB-002: Classic Load Balancers write access logs.
package iacgate.rules.audit_logging.aws_log_elb_access_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

# CloudFormation's AccessLoggingPolicy arrives as access_logs (type table), with its required Enabled.
blocks := lib.attr_blocks("access_logs")

deny contains lib.violation(lib.missing_block_path("access_logs"), msg) if {
	count(blocks) == 0
	msg := "classic load balancer writes no access logs: access_logs is not set, required access logs to an S3 bucket"
}

# Terraform and Pulumi default enabled to true once the block is written; CloudFormation requires Enabled.
deny contains lib.violation(array.concat(aws_log.log_block_path("access_logs"), ["enabled"]), msg) if {
	enabled := object.get(blocks[0], "enabled", null)
	disabled(enabled)
	msg := concat("", ["classic load balancer writes no access logs: access_logs.enabled is ", lib.show(enabled), ", required true"])
}

disabled(enabled) if lib.is_false(enabled)

# Unknown until apply (enabled = var.logs_enabled): it may be false; the engine calls it undetermined.
disabled(enabled) if lib.is_unknown(enabled)

disabled(enabled) if {
	input.resource.format == "cloudformation"
	not lib.is_set(enabled)
}
