package iacgate.rules.encryption.aws_svc_athena_managed_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_svc_athena_workgroup_encryption as rule
import rego.v1

test_athena_managed_query_results_pass if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_athena_workgroup",
		{"configuration": [{"managed_query_results_configuration": [{"enabled": true}]}]},
	)
		with input.related as []
}

test_athena_managed_query_results_off_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_athena_workgroup",
		{"configuration": [{"managed_query_results_configuration": [{"enabled": false}]}]},
	)
		with input.related as []
	result.path == ["configuration", 0, "result_configuration"]
}

test_athena_managed_query_results_unknown_undetermined if {
	results := rule.deny with input.resource as testing.resource(
		"aws_athena_workgroup",
		{"configuration": [{"managed_query_results_configuration": [{"enabled": testing.unknown}]}]},
	)
		with input.related as []
	count(results) == 1
	some result in results
	result.status == "undetermined"
}
