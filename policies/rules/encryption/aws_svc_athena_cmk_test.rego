# Unit tests of ENC-ATHENA-003 on workgroups that store results in Athena-owned storage.
package iacgate.rules.encryption.aws_svc_athena_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_athena_workgroup_cmk as rule
import rego.v1

athena_cmk := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

athena_managed(managed) := testing.resource("aws_athena_workgroup", {"configuration": [{"managed_query_results_configuration": [managed]}]})

test_managed_results_under_a_customer_key_pass if {
	count(rule.deny) == 0 with input.resource as athena_managed({"enabled": true, "encryption_configuration": [{"kms_key": athena_cmk}]})
		with input.related as []
}

test_managed_results_under_athena_key_fail_at_their_encryption_configuration if {
	some result in rule.deny with input.resource as athena_managed({"enabled": true})
		with input.related as []
	result.path == ["configuration", 0, "managed_query_results_configuration", 0, "encryption_configuration"]
}

test_managed_results_switched_on_by_an_unknown_are_undetermined if {
	some result in rule.deny with input.resource as athena_managed({"enabled": testing.unknown})
		with input.related as []
	result.status == "undetermined"
}
