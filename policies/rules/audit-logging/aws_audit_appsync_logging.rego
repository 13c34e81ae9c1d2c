# LOG-APPSYNC-001: AppSync GraphQL APIs write field-level logs to CloudWatch Logs.
package iacgate.rules.audit_logging.aws_audit_appsync_logging

import data.iacgate.lib
import rego.v1

# log_config (CloudFormation LogConfig): field_log_level ALL, ERROR, INFO or DEBUG with the role AppSync
# writes with; NONE, and no log_config (the default), log no resolver calls.
config := lib.attr_blocks("log_config")[0] if {
	count(lib.attr_blocks("log_config")) > 0
} else := {}

level := object.get(config, "field_log_level", null)

aws_audit_appsync_index := [] if {
	is_object(lib.attr("log_config"))
} else := [0]

aws_audit_appsync_level_on if {
	is_string(level)
	upper(level) in {"ALL", "ERROR", "INFO", "DEBUG"}
}

deny contains lib.violation(lib.missing_block_path("log_config"), msg) if {
	count(lib.attr_blocks("log_config")) == 0
	msg := "GraphQL API writes no logs: log_config is not set, required field_log_level ALL, ERROR, INFO or DEBUG"
}

deny contains lib.violation(array.concat(array.concat(["log_config"], aws_audit_appsync_index), ["field_log_level"]), msg) if {
	count(lib.attr_blocks("log_config")) > 0
	not aws_audit_appsync_level_on
	msg := concat("", ["GraphQL API writes no field-level logs: log_config.field_log_level is ", lib.show(level), ", required ALL, ERROR, INFO or DEBUG"])
}
