# LOG-ELB-001: Application and Network Load Balancers write access logs.
package iacgate.rules.audit_logging.aws_log_lb_access_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

# Gateway Load Balancers pass packets through without terminating connections and have no access logs.
applies if aws_log.log_lb_type != "gateway"

# Not applicable (not passed): the control does not concern a Gateway Load Balancer.
deny contains {"not_applicable": true} if not applies

deny contains lib.violation(path, msg) if {
	applies
	count(aws_log.log_lb_access_logs_settings) == 0
	path := lib.missing_block_path("access_logs")
	msg := concat("", [
		"load balancer writes no access logs: access_logs is not set, required access logs enabled to an S3 bucket",
	])
}

deny contains lib.violation(setting.path, msg) if {
	applies
	some setting in aws_log.log_lb_access_logs_settings
	not lib.is_true(setting.value)
	msg := concat("", [
		"load balancer writes no access logs: ", setting.name, " is ", lib.show(setting.value),
		", required true",
	])
}
