# ENC-EC2-008: launch templates encrypt the EBS volumes they map with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_launch_template_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# Terraform and Pulumi block_device_mappings; CloudFormation LaunchTemplateData.BlockDeviceMappings.
mappings := object.get(template_data, "block_device_mappings", null) if {
	input.resource.format == "cloudformation"
} else := lib.attr("block_device_mappings")

mappings_path := ["launch_template_data", "block_device_mappings"] if {
	input.resource.format == "cloudformation"
} else := ["block_device_mappings"]

key_attribute := "launch_template_data" if {
	input.resource.format == "cloudformation"
} else := "block_device_mappings"

template_data := settings if {
	settings := lib.attr("launch_template_data")
	is_object(settings)
} else := {}

devices := aws_data.data_nested_ebs(mappings, mappings_path)

# Mappings, or their ebs blocks, unknown until apply: the volumes they describe are not known.
unknown_paths contains mappings_path if lib.is_unknown(mappings)

unknown_paths contains ["launch_template_data"] if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("launch_template_data"))
}

unknown_paths contains mapping.path if {
	some mapping in aws_data.data_block_list(mappings, mappings_path)
	lib.is_unknown(mapping.block)
}

unknown_paths contains array.concat(mapping.path, ["ebs"]) if {
	some mapping in aws_data.data_block_list(mappings, mappings_path)
	not lib.is_unknown(mapping.block)
	lib.is_unknown(object.get(mapping.block, "ebs", null))
}

deny contains lib.undetermined(path, msg) if {
	some path in unknown_paths
	msg := "Launch template may not encrypt its volumes with a customer-managed KMS key: its block device mappings are unknown until apply"
}

# A template that maps no EBS volume keeps the AMI's mappings (ENC-EC2-003 and ENC-EC2-007 judge AMIs).
deny contains {"not_applicable": true} if {
	count(devices) == 0
	count(unknown_paths) == 0
}

# A volume restored from a snapshot without kms_key_id keeps the snapshot's key, which is not shown.
from_snapshot_without_key(settings) if {
	not lib.is_set(object.get(settings, "kms_key_id", null))
	lib.is_set(object.get(settings, "snapshot_id", null))
}

deny contains violation if {
	some device in devices
	not from_snapshot_without_key(device.settings)
	label := concat("", ["kms_key_id of ", aws_rest.rest_device_text(device.device)])
	some violation in aws_rest.rest_cmk_findings(
		key_attribute, array.concat(device.path, ["kms_key_id"]),
		object.get(device.settings, "kms_key_id", null), label, "Launch template",
	)
}

deny contains lib.undetermined(array.concat(device.path, ["kms_key_id"]), msg) if {
	some device in devices
	from_snapshot_without_key(device.settings)
	msg := concat("", [
		"Launch template ", aws_rest.rest_device_text(device.device), " keeps the key of the snapshot it is restored",
		" from (snapshot_id is ", lib.show(object.get(device.settings, "snapshot_id", null)),
		"), which the scanned configuration does not show: kms_key_id is not set, required the ARN or alias",
		" of a customer-managed key",
	])
}
