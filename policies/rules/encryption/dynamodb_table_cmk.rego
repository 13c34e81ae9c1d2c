# ENC-DYNAMODB-001: DynamoDB tables encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.dynamodb_table_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

deny contains lib.violation(lib.missing_block_path("server_side_encryption"), msg) if {
	count(lib.attr_blocks("server_side_encryption")) == 0
	msg := "DynamoDB table has no server_side_encryption block: it is encrypted with an AWS-owned key, not a customer-managed KMS key"
}

deny contains lib.violation(entry.path, msg) if {
	not aws.dynamodb_customer_managed_key
	not aws.dynamodb_key_undetermined
	some entry in aws.dynamodb_sse
	msg := concat("", [
		"DynamoDB table is not encrypted with a customer-managed KMS key: ", entry.enabled_name, " is ",
		lib.show(entry.enabled), ", ", entry.key_name, " is ", lib.show(entry.key),
	])
}

deny contains lib.undetermined(entry.path, msg) if {
	not aws.dynamodb_customer_managed_key
	aws.dynamodb_key_undetermined
	some entry in aws.dynamodb_sse
	msg := concat("", [
		"DynamoDB table may not be encrypted with a customer-managed KMS key: ", entry.key_name, " is ",
		lib.show(entry.key), " and refers to no KMS key of the configuration, so it may name the AWS-managed key aws/dynamodb",
	])
}
