# LOG-MQ-001: Amazon MQ brokers publish general logs (and audit logs on ActiveMQ).
package iacgate.rules.audit_logging.aws_log_mq_broker_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(lib.missing_block_path("logs"), msg) if {
	count(lib.attr_blocks("logs")) == 0
	msg := concat("", ["MQ broker publishes no logs: logs is not set, required ", concat(" and ", sort(aws_log.log_mq_required_kinds)), " logs on"])
}

deny contains lib.violation(array.concat(aws_log.log_block_path("logs"), [kind]), msg) if {
	block := lib.attr_blocks("logs")[0]
	some kind in aws_log.log_mq_required_kinds
	value := object.get(block, kind, null)
	not lib.is_true(value)
	msg := concat("", ["MQ broker does not publish ", kind, " logs: logs.", kind, " is ", lib.show(value), ", required true"])
}

# An engine not known (engine_type = var.engine, or left out): ActiveMQ would need audit logs too.
deny contains lib.undetermined(["engine_type"], msg) if {
	not aws_log.log_mq_engine_known
	not aws_log_mq_broker_logs_audit_on
	msg := concat("", [
		"MQ broker may not publish audit logs: engine_type is ", lib.attr_text("engine_type"),
		", required logs.audit true for ActiveMQ",
	])
}

aws_log_mq_broker_logs_audit_on if {
	some block in lib.attr_blocks("logs")
	lib.is_true(object.get(block, "audit", null))
}
