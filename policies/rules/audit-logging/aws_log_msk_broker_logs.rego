# LOG-MSK-001: MSK clusters deliver broker logs.
package iacgate.rules.audit_logging.aws_log_msk_broker_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(lib.missing_block_path("logging_info"), msg) if {
	count(aws_log.log_msk_broker_destinations) == 0
	msg := "MSK cluster delivers no broker logs: logging_info.broker_logs is not set, required CloudWatch Logs, Firehose or S3 delivery enabled"
}

deny contains lib.violation(destination.path, msg) if {
	not aws_log.log_msk_broker_logs
	some destination in aws_log.log_msk_broker_destinations
	msg := concat("", [
		"MSK cluster delivers no broker logs: broker_logs.", destination.name, ".enabled is ",
		lib.show(destination.enabled), ", required true for at least one destination",
	])
}
