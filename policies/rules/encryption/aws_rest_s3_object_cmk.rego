# ENC-S3-004: S3 objects and object copies that choose their own encryption use a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_s3_object_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

sse := lib.attr("server_side_encryption")

key := lib.attr("kms_key_id")

# An object that sets neither takes its bucket's default encryption, which the bucket rules judge.
deny contains {"not_applicable": true} if {
	not lib.is_set(sse)
	not lib.is_set(key)
}

# A KMS key named decides, whatever server_side_encryption says.
deny contains violation if {
	lib.is_set(key)
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "S3 object")
}

# SSE-S3 (AES256) is under a key S3 owns; aws:kms without kms_key_id uses the AWS-managed aws/s3.
deny contains lib.violation(["server_side_encryption"], msg) if {
	not lib.is_set(key)
	lib.is_set(sse)
	msg := concat("", [
		"S3 object is not encrypted with a customer-managed KMS key: server_side_encryption is ", lib.show(sse),
		" and kms_key_id is not set, required aws:kms or aws:kms:dsse with kms_key_id naming a customer-managed key",
	])
}
