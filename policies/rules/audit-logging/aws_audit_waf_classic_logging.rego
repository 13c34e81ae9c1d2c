# LOG-WAF-002: WAF Classic (global and regional) web ACLs log the requests they inspect.
package iacgate.rules.audit_logging.aws_audit_waf_classic_logging

import data.iacgate.lib
import rego.v1

# aws_waf_web_acl and aws_wafregional_web_acl log through an inline logging_configuration naming a
# Kinesis Data Firehose delivery stream in log_destination. CloudFormation has no logging property for
# WAF Classic (PutLoggingConfiguration only), so the rule covers Terraform and Pulumi.
config := lib.attr_blocks("logging_configuration")[0] if {
	count(lib.attr_blocks("logging_configuration")) > 0
} else := {}

destination := object.get(config, "log_destination", null)

aws_audit_waf_classic_index := [] if {
	is_object(lib.attr("logging_configuration"))
} else := [0]

deny contains lib.violation(lib.missing_block_path("logging_configuration"), msg) if {
	count(lib.attr_blocks("logging_configuration")) == 0
	msg := "web ACL logs no requests: logging_configuration is not set, required a log_destination (Kinesis Data Firehose stream)"
}

deny contains lib.violation(array.concat(array.concat(["logging_configuration"], aws_audit_waf_classic_index), ["log_destination"]), msg) if {
	count(lib.attr_blocks("logging_configuration")) > 0
	not lib.is_set(destination)
	msg := concat("", ["web ACL logs no requests: logging_configuration.log_destination is ", lib.show(destination), ", required a Kinesis Data Firehose stream"])
}
