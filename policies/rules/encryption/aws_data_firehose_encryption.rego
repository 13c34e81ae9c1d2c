# ENC-FIREHOSE-001: Direct PUT Kinesis Data Firehose delivery streams encrypt records at rest.
package iacgate.rules.encryption.aws_data_firehose_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# A stream that reads from Kinesis Data Streams or MSK keeps the source's encryption; Firehose server-side
# encryption applies to Direct PUT streams only.
source_attributes := {
	"kinesis_source_configuration", "kinesis_stream_source_configuration",
	"msk_source_configuration",
}

reads_a_stream if {
	some name in source_attributes
	lib.is_set(lib.attr(name))
}

reads_a_stream if lib.attr("delivery_stream_type") in {"KinesisStreamAsSource", "MSKAsSource"}

# Server-side encryption cannot be set on a stream-sourced delivery stream: not judged at all.
deny contains {"not_applicable": true} if reads_a_stream

# A delivery stream type unknown until apply may read a stream (not concerned) or take Direct PUT records.
type_unknown if {
	not reads_a_stream
	lib.is_unknown(lib.attr("delivery_stream_type"))
	not lib.is_set(lib.attr("server_side_encryption"))
}

deny contains lib.violation(["delivery_stream_type"], msg) if {
	type_unknown
	msg := "Firehose delivery stream may store records unencrypted: delivery_stream_type is unknown until apply and server_side_encryption is not set, required server-side encryption for DirectPut"
}

# CloudFormation: DeliveryStreamEncryptionConfigurationInput (server_side_encryption) turns it on.
deny contains lib.violation(lib.missing_block_path("server_side_encryption"), msg) if {
	input.resource.format == "cloudformation"
	not reads_a_stream
	not type_unknown
	not lib.is_set(lib.attr("server_side_encryption"))
	msg := "Firehose delivery stream stores records unencrypted: DeliveryStreamEncryptionConfigurationInput is not set, required a KeyType"
}

# Terraform and Pulumi: server_side_encryption.enabled.
deny contains aws_data.data_setting_not_true(setting, "server_side_encryption.enabled", msg) if {
	input.resource.format != "cloudformation"
	not reads_a_stream
	setting := aws_data.data_setting("server_side_encryption", "enabled")
	not lib.is_true(setting.value)
	msg := "Firehose delivery stream stores records unencrypted"
}
