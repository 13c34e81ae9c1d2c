# ENC-RDS-006: RDS Performance Insights data is encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_rds_performance_insights_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

# Performance Insights off (the default): nothing is collected, the rule does not judge the resource.
# Unknown (a variable) is judged: the finding is then undetermined where the key is not set.
deny contains {"not_applicable": true} if {
	not lib.is_true(lib.attr("performance_insights_enabled"))
	not lib.is_unknown(lib.attr("performance_insights_enabled"))
}

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("performance_insights_kms_key_id", "Performance Insights")
}
