# ENC-FIREHOSE-002: Firehose delivery streams encrypt records with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_firehose_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# A stream that reads a Kinesis stream or MSK keeps records under its source's encryption and cannot set
# server_side_encryption: not judged (ENC-KINESIS-002 judges the source stream).
deny contains {"not_applicable": true} if reads_a_stream

reads_a_stream if {
	some name in {"kinesis_source_configuration", "kinesis_stream_source_configuration", "msk_source_configuration"}
	lib.is_set(lib.attr(name))
}

reads_a_stream if lib.attr("delivery_stream_type") in {"KinesisStreamAsSource", "MSKAsSource"}

key_type := aws_data.data_setting("server_side_encryption", "key_type")

# CloudFormation DeliveryStreamType unknown until deploy (a parameter) and no encryption settings: the stream
# may read a Kinesis stream or MSK (not judged) or take records directly. The finding points at the unknown
# type and is undetermined (as ENC-FIREHOSE-001 judges it).
type_unknown if {
	not reads_a_stream
	lib.is_unknown(lib.attr("delivery_stream_type"))
	not lib.is_set(lib.attr("server_side_encryption"))
}

deny contains lib.violation(["delivery_stream_type"], msg) if {
	type_unknown
	msg := concat("", [
		"Firehose delivery stream may not be encrypted with a customer-managed KMS key: delivery_stream_type is ",
		"unknown until apply and server_side_encryption is not set, required server_side_encryption.key_type ",
		"CUSTOMER_MANAGED_CMK for a DirectPut stream",
	])
}

# key_type must be CUSTOMER_MANAGED_CMK (AWS_OWNED_CMK, the default, is a key AWS owns).
deny contains lib.violation(key_type.path, msg) if {
	not reads_a_stream
	not type_unknown
	not key_type.value == "CUSTOMER_MANAGED_CMK"
	msg := concat("", [
		"Firehose delivery stream is not encrypted with a customer-managed KMS key: server_side_encryption.key_type is ",
		lib.show(key_type.value), ", required CUSTOMER_MANAGED_CMK",
	])
}

deny contains violation if {
	not reads_a_stream
	key_type.value == "CUSTOMER_MANAGED_CMK"
	some violation in aws_rest.rest_cmk_nested("server_side_encryption", "key_arn", "Firehose delivery stream")
}

# Terraform and Pulumi: server_side_encryption.enabled switches encryption on (default false: the key type and
# key are then not used and records are stored unencrypted). CloudFormation has no such switch: its
# DeliveryStreamEncryptionConfigurationInput turns encryption on. Unknown until apply: undetermined.
enabled := aws_data.data_setting("server_side_encryption", "enabled")

deny contains lib.violation(enabled.path, msg) if {
	input.resource.format != "cloudformation"
	not reads_a_stream
	key_type.value == "CUSTOMER_MANAGED_CMK"
	not lib.is_true(enabled.value)
	msg := concat("", [
		"Firehose delivery stream is not encrypted with a customer-managed KMS key: server_side_encryption.enabled is ",
		lib.show(enabled.value), ", required true",
	])
}
