# LOG-WAF-001: WAFv2 web ACLs log the requests they inspect.
package iacgate.rules.audit_logging.aws_log_waf_logging

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

deny contains lib.violation([], msg) if {
	count(aws_log.log_waf_logging_configurations) == 0
	msg := "WAF web ACL logs no requests: no aws_wafv2_web_acl_logging_configuration refers to it, required one with a log destination"
}
