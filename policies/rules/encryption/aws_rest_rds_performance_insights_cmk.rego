# ENC-RDS-006: RDS Performance Insights data is encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_performance_insights_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

# Performance Insights off (the default): nothing is collected, the rule does not judge the resource.
# Unknown (a variable) is judged: a key that fails is then undetermined, since the switch may stay off.
deny contains {"not_applicable": true} if {
	not lib.is_true(lib.attr("performance_insights_enabled"))
	not lib.is_unknown(lib.attr("performance_insights_enabled"))
}

deny contains violation if {
	lib.is_true(lib.attr("performance_insights_enabled"))
	some violation in aws_rest.rest_cmk_attr("performance_insights_kms_key_id", "Performance Insights")
}

deny contains lib.undetermined(finding.path, msg) if {
	lib.is_unknown(lib.attr("performance_insights_enabled"))
	some finding in aws_rest.rest_cmk_attr("performance_insights_kms_key_id", "Performance Insights")
	msg := concat("", [
		replace(finding.message, " is not encrypted ", " may not be encrypted "), "; performance_insights_enabled is ",
		lib.attr_text("performance_insights_enabled"),
		", and Performance Insights off collects nothing",
	])
}
