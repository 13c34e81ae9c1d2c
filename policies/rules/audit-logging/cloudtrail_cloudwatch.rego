# LOG-CLOUDTRAIL-005: CloudTrail trails deliver their events to CloudWatch Logs.
package iacgate.rules.audit_logging.cloudtrail_cloudwatch

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["cloud_watch_logs_group_arn"], msg) if {
	not lib.set_in_every_branch(lib.attr("cloud_watch_logs_group_arn"))
	msg := concat("", [
		"CloudTrail trail sends no events to CloudWatch Logs: cloud_watch_logs_group_arn is ",
		lib.attr_text("cloud_watch_logs_group_arn"), ", required a log group ARN",
	])
}
