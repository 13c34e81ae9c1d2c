# Unit tests of keys read through KMS data sources (issue 15 §3): data "aws_kms_key" / data "aws_kms_alias"
# looking up an alias/aws/* alias is AWS-managed and fails; a customer alias or key passes; a data source
# whose key cannot be told is undetermined, never a silent pass.
package iacgate.rules.encryption.aws_rest_kms_data_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_svc_secretsmanager_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

rest_test_source(type_name, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "kms_key_id",
	"resource": object.union(testing.resource(type_name, attributes), {"id": concat(".", ["data", type_name, "k"]), "mode": "data"}),
}

rest_test_secret(_) := testing.resource("aws_secretsmanager_secret", {"kms_key_id": testing.unknown})

test_data_key_with_aws_alias_fails_decided if {
	subject := rest_test_secret(0)
	related := [rest_test_source("aws_kms_key", {"key_id": "alias/aws/secretsmanager"})]
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
		with input.related as related
	result.path == ["kms_key_id"]
	result.decided == true
	not result.status
	contains(result.message, "data.aws_kms_key.k (alias/aws/secretsmanager)")
}

test_data_alias_with_aws_name_fails if {
	subject := rest_test_secret(0)
	related := [rest_test_source("aws_kms_alias", {"name": "alias/aws/secretsmanager"})]
	count(aws_svc_secretsmanager_cmk.deny) == 1 with input.resource as subject
		with input.related as related
}

test_plan_data_key_read_as_aws_managed_fails if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": "arn:aws:kms:eu-west-1:482913057716:key/5c1f"})
	related := [rest_test_source("aws_kms_key", {"key_id": "5c1f", "key_manager": "AWS"})]
	count(aws_svc_secretsmanager_cmk.deny) == 1 with input.resource as subject
		with input.related as related
}

test_data_key_customer_passes if {
	subject := rest_test_secret(0)
	related := [rest_test_source("aws_kms_key", {"key_id": "alias/ledger"})]
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as subject
		with input.related as related
	related2 := [rest_test_source("aws_kms_key", {"key_id": "5c1f", "key_manager": "CUSTOMER"})]
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as subject
		with input.related as related2
}

test_data_key_unknown_is_undetermined if {
	subject := rest_test_secret(0)
	related := [rest_test_source("aws_kms_key", {"key_id": testing.unknown})]
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
		with input.related as related
	result.status == "undetermined"
}

test_managed_key_neighbour_is_not_a_data_source if {
	subject := rest_test_secret(0)
	related := [object.union(rest_test_source("aws_kms_key", {}), {"resource": testing.resource("aws_kms_key", {})})]
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as subject
		with input.related as related
}

test_bare_aws_alias_fails if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": "aws/secretsmanager"})
	count(aws_svc_secretsmanager_cmk.deny) == 1 with input.resource as subject
}
