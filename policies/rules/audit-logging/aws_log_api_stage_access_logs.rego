# LOG-APIGATEWAY-001: API Gateway stages (REST and HTTP/WebSocket) write access logs.
package iacgate.rules.audit_logging.aws_log_api_stage_access_logs

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation(lib.missing_block_path("access_log_settings"), msg) if {
	count(lib.attr_blocks("access_log_settings")) == 0
	msg := "API Gateway stage writes no access logs: access_log_settings is not set, required a destination_arn and format"
}

deny contains lib.violation(array.concat(aws_log.log_block_path("access_log_settings"), ["destination_arn"]), msg) if {
	block := lib.attr_blocks("access_log_settings")[0]
	not aws_log.log_stage_access_logging
	destination := object.get(block, "destination_arn", null)
	msg := concat("", ["API Gateway stage writes no access logs: access_log_settings.destination_arn is ", lib.show(destination), ", required a log group or Firehose ARN"])
}
