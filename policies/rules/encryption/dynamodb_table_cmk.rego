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
	not global_table
	not aws.dynamodb_customer_managed_key
	not aws.dynamodb_key_undetermined
	some entry in aws.dynamodb_sse
	msg := concat("", [
		"DynamoDB table is not encrypted with a customer-managed KMS key: ", entry.enabled_name, " is ",
		lib.show(entry.enabled), ", ", entry.key_name, " is ", lib.show(entry.key),
	])
}

deny contains lib.undetermined(entry.path, msg) if {
	not global_table
	not aws.dynamodb_customer_managed_key
	aws.dynamodb_key_undetermined
	some entry in aws.dynamodb_sse
	msg := concat("", [
		"DynamoDB table may not be encrypted with a customer-managed KMS key: ", entry.key_name, " is ",
		lib.show(entry.key), " and refers to no KMS key of the configuration, so it may name the AWS-managed key aws/dynamodb",
	])
}

# A CloudFormation AWS::DynamoDB::GlobalTable has no key of its own: its SSESpecification holds SSEEnabled
# and SSEType (KMS, the only value), and each replica names its key in Replicas[].SSESpecification
# .KMSMasterKeyId, which ENC-DYNAMODB-002 judges. Here the table must switch KMS encryption on.
global_table if {
	input.resource.format == "cloudformation"
	input.resource.native_type == "AWS::DynamoDB::GlobalTable"
}

deny contains lib.violation(array.concat(entry.path, ["sse_enabled"]), msg) if {
	global_table
	some entry in aws.dynamodb_sse
	not lib.is_true(entry.enabled)
	msg := concat("", [
		"DynamoDB global table is not encrypted with a KMS key: SSESpecification.SSEEnabled is ",
		lib.show(entry.enabled), ", required true with SSEType KMS (each replica's key: ENC-DYNAMODB-002)",
	])
}

deny contains lib.violation(array.concat(entry.path, ["sse_type"]), msg) if {
	global_table
	some i, block in lib.attr_blocks("server_side_encryption")
	entry := {"path": ["server_side_encryption", i]}
	switched_on(object.get(block, "sse_enabled", null))
	sse_type := object.get(block, "sse_type", null)
	not kms_type(sse_type)
	msg := concat("", [
		"DynamoDB global table is not encrypted with a KMS key: SSESpecification.SSEType is ",
		lib.show(sse_type), ", required KMS (each replica's key: ENC-DYNAMODB-002)",
	])
}

kms_type(value) if {
	is_string(value)
	upper(value) == "KMS"
}

# SSEEnabled true, or unknown until deploy (then SSEEnabled is reported too, undetermined): SSEType is only
# asked of a table that switches encryption on.
switched_on(value) if lib.is_true(value)

switched_on(value) if lib.is_unknown(value)
