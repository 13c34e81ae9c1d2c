# Unit tests of keys read through KMS data sources (issue 15 §3): data "aws_kms_key" / data "aws_kms_alias"
# looking up an alias/aws/* alias is AWS-managed and fails; a customer alias or key passes; a data source
# whose key cannot be told is undetermined, never a silent pass.
package iacgate.rules.encryption.aws_rest_kms_data_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_svc_secretsmanager_cmk
import rego.v1

rest_test_source(type_name, attributes) := {
	"direction": "out",
	"edge": "reference",
	"attribute": "kms_key_id",
	"resource": object.union(testing.resource(type_name, attributes), {"id": concat(".", ["data", type_name, "k"]), "mode": "data"}),
}

rest_test_secret(_) := testing.resource("aws_secretsmanager_secret", {"kms_key_id": testing.unknown})

test_data_key_with_aws_alias_fails_decided if {
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as rest_test_secret(0)
		with input.related as [rest_test_source("aws_kms_key", {"key_id": "alias/aws/secretsmanager"})]
	result.path == ["kms_key_id"]
	result.decided == true
	not result.status
	contains(result.message, "data.aws_kms_key.k (alias/aws/secretsmanager)")
}

test_data_alias_with_aws_name_fails if {
	count(aws_svc_secretsmanager_cmk.deny) == 1 with input.resource as rest_test_secret(0)
		with input.related as [rest_test_source("aws_kms_alias", {"name": "alias/aws/secretsmanager"})]
}

test_plan_data_key_read_as_aws_managed_fails if {
	count(aws_svc_secretsmanager_cmk.deny) == 1 with input.resource as testing.resource("aws_secretsmanager_secret", {"kms_key_id": "arn:aws:kms:eu-west-1:482913057716:key/5c1f"})
		with input.related as [rest_test_source("aws_kms_key", {"key_id": "5c1f", "key_manager": "AWS"})]
}

test_data_key_customer_passes if {
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as rest_test_secret(0)
		with input.related as [rest_test_source("aws_kms_key", {"key_id": "alias/ledger"})]
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as rest_test_secret(0)
		with input.related as [rest_test_source("aws_kms_key", {"key_id": "5c1f", "key_manager": "CUSTOMER"})]
}

test_data_key_unknown_is_undetermined if {
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as rest_test_secret(0)
		with input.related as [rest_test_source("aws_kms_key", {"key_id": testing.unknown})]
	result.status == "undetermined"
}

test_managed_key_neighbour_is_not_a_data_source if {
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as rest_test_secret(0)
		with input.related as [object.union(rest_test_source("aws_kms_key", {}), {"resource": testing.resource("aws_kms_key", {})})]
}

test_bare_aws_alias_fails if {
	count(aws_svc_secretsmanager_cmk.deny) == 1 with input.resource as testing.resource("aws_secretsmanager_secret", {"kms_key_id": "aws/secretsmanager"})
		with input.related as []
}
