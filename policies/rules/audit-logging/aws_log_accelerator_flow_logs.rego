# LOG-GLOBALACCELERATOR-001: Global Accelerator accelerators write flow logs.
package iacgate.rules.audit_logging.aws_log_accelerator_flow_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(lib.missing_block_path("attributes"), msg) if {
	count(lib.attr_blocks("attributes")) == 0
	msg := "accelerator writes no flow logs: attributes is not set, required attributes.flow_logs_enabled = true with an S3 bucket"
}

deny contains lib.violation(array.concat(aws_log.log_block_path("attributes"), ["flow_logs_enabled"]), msg) if {
	count(lib.attr_blocks("attributes")) > 0
	value := aws_log.log_accelerator_flow_logs_value
	not lib.is_true(value)
	msg := concat("", ["accelerator writes no flow logs: attributes.flow_logs_enabled is ", lib.show(value), ", required true"])
}
