# ENC-DYNAMODB-001: DynamoDB tables encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.dynamodb_table_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

customer_managed if {
	some block in lib.attr_blocks("server_side_encryption")
	lib.is_true(object.get(block, "enabled", null))
	aws.customer_managed_key(object.get(block, "kms_key_arn", null))
}

deny contains lib.violation(lib.missing_block_path("server_side_encryption"), msg) if {
	count(lib.attr_blocks("server_side_encryption")) == 0
	msg := "DynamoDB table has no server_side_encryption block: it is encrypted with an AWS-owned key, not a customer-managed KMS key"
}

deny contains lib.violation(["server_side_encryption", i], msg) if {
	not customer_managed
	some i, block in lib.attr_blocks("server_side_encryption")
	msg := sprintf("DynamoDB table is not encrypted with a customer-managed KMS key: server_side_encryption enabled is %s, kms_key_arn is %s", [lib.show(object.get(block, "enabled", null)), lib.show(object.get(block, "kms_key_arn", null))])
}
