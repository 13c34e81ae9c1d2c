# ENC-CONNECT-001: Amazon Connect instance storage for recordings, transcripts, reports and media streams
# encrypts with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_connect_storage_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

subject := "Connect instance storage config"

# Terraform and Pulumi nest the destination in storage_config; CloudFormation writes it at the top.
storage := aws_data.data_first_block(lib.attr("storage_config"), ["storage_config"]) if {
	input.resource.format != "cloudformation"
} else := {"path": [], "block": input.resource.attributes} if {
	input.resource.format == "cloudformation"
}

# S3 (recordings, transcripts, reports, attachments) and Kinesis Video Streams (live media) take a key;
# Kinesis Data Streams and Firehose destinations are encrypted by the stream (ENC-KINESIS-*, ENC-FIREHOSE-*).
destinations := ["s3_config", "kinesis_video_stream_config"]

targets contains {"name": name, "path": path, "block": block} if {
	some name in destinations
	found := aws_data.data_first_block(object.get(storage.block, name, null), array.concat(storage.path, [name]))
	path := found.path
	block := found.block
}

unknown_paths contains ["storage_config"] if lib.is_unknown(lib.attr("storage_config"))

unknown_paths contains array.concat(storage.path, [name]) if {
	some name in destinations
	lib.is_unknown(object.get(storage.block, name, null))
}

unknown_paths contains array.concat(target.path, ["encryption_config"]) if {
	some target in targets
	lib.is_unknown(object.get(target.block, "encryption_config", null))
}

deny contains {"not_applicable": true} if {
	count(targets) == 0
	count(unknown_paths) == 0
}

deny contains lib.undetermined(path, "Connect instance storage config may not encrypt with a customer-managed KMS key: its destination is unknown until apply") if {
	some path in unknown_paths
}

# encryption_config { encryption_type = "KMS", key_id }: missing, or any other type, is not a customer key.
deny contains lib.violation(path, msg) if {
	some target in targets
	encryption := aws_data.data_first_block(object.get(target.block, "encryption_config", null), array.concat(target.path, ["encryption_config"]))
	kind := object.get(encryption.block, "encryption_type", null)
	not kind == "KMS"
	path := array.concat(encryption.path, ["encryption_type"])
	msg := concat("", [
		subject, " is not encrypted with a customer-managed KMS key: ", target.name, ".encryption_config.encryption_type is ",
		lib.show(kind), ", required KMS with key_id naming a customer-managed key",
	])
}

deny contains lib.violation(array.concat(target.path, ["encryption_config"]), msg) if {
	some target in targets
	not lib.is_set(object.get(target.block, "encryption_config", null))
	msg := concat("", [
		subject, " is not encrypted with a customer-managed KMS key: ", target.name,
		".encryption_config is not set, required encryption_type KMS with key_id naming a customer-managed key",
	])
}

deny contains violation if {
	some target in targets
	encryption := aws_data.data_first_block(object.get(target.block, "encryption_config", null), array.concat(target.path, ["encryption_config"]))
	object.get(encryption.block, "encryption_type", null) == "KMS"
	label := concat("", [target.name, ".encryption_config.key_id"])
	attribute := connect_key_attribute(target.name)
	some violation in aws_rest.rest_cmk_findings(
		attribute, array.concat(encryption.path, ["key_id"]), object.get(encryption.block, "key_id", null), label, subject,
	)
}

connect_key_attribute(name) := "storage_config" if {
	input.resource.format != "cloudformation"
} else := name
