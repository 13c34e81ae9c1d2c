# ENC-EC2-005: EC2 instances encrypt their root and EBS volumes with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_instance_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some device in aws_rest.rest_instance_devices
	not lib.is_unknown(device.settings)
	not from_snapshot_without_key(device.settings)
	not root_from_ami_without_key(device)
	label := concat("", ["kms_key_id of ", aws_rest.rest_device_text(device.device)])
	some violation in aws_rest.rest_cmk_findings(
		device.attribute, array.concat(device.path, ["kms_key_id"]),
		object.get(device.settings, "kms_key_id", null), label, "EC2 instance",
	)
}

deny contains lib.undetermined(aws_rest.rest_instance_root_path, msg) if {
	aws_rest.rest_instance_root_from_ami
	msg := concat("", [
		"EC2 instance root volume takes its key from the AMI's snapshot, which the scanned configuration does",
		" not show: ", aws_rest.rest_instance_root_text, " is not set, required a root device with kms_key_id",
		" naming a customer-managed key",
	])
}

# A root_block_device with neither encrypted nor kms_key_id: the root volume keeps the AMI snapshot's key.
root_from_ami_without_key(device) if {
	aws_rest.rest_root_left_to_ami(device)
	not lib.is_set(object.get(device.settings, "kms_key_id", null))
}

deny contains lib.undetermined(array.concat(device.path, ["kms_key_id"]), msg) if {
	some device in aws_rest.rest_instance_devices
	root_from_ami_without_key(device)
	msg := concat("", [
		"EC2 instance root volume keeps the key of the AMI's snapshot, which the scanned configuration does not",
		" show: neither encrypted nor kms_key_id of root_block_device is set, required kms_key_id naming a",
		" customer-managed key",
	])
}

# A volume restored from a snapshot without kms_key_id keeps the snapshot's key, which is not shown.
from_snapshot_without_key(settings) if {
	not lib.is_set(object.get(settings, "kms_key_id", null))
	lib.is_set(object.get(settings, "snapshot_id", null))
}

deny contains lib.undetermined(array.concat(device.path, ["kms_key_id"]), msg) if {
	some device in aws_rest.rest_instance_devices
	from_snapshot_without_key(device.settings)
	msg := concat("", [
		"EC2 instance ", aws_rest.rest_device_text(device.device), " keeps the key of the snapshot it is restored from",
		" (snapshot_id is ", lib.show(object.get(device.settings, "snapshot_id", null)),
		"), which the scanned configuration does not show: kms_key_id is not set, required the ARN or alias",
		" of a customer-managed key",
	])
}

# A device unknown as a whole until apply (root_block_device or ebs_block_device written as a variable or a
# dynamic block over one; a plan shows them unknown when the configuration leaves them out: the AMI's root
# volume, devices the AMI maps), or the CloudFormation mappings or one mapping's Ebs: their keys cannot be
# told. The finding points at the unknown value: undetermined, never failed as a device without kms_key_id.
unknown_devices contains device.path if {
	some device in aws_rest.rest_instance_devices
	lib.is_unknown(device.settings)
}

unknown_devices contains ["root_block_device"] if {
	input.resource.format != "cloudformation"
	lib.is_unknown(lib.attr("root_block_device"))
}

unknown_devices contains ["block_device_mappings"] if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("block_device_mappings"))
}

unknown_devices contains ["block_device_mappings", i, "ebs"] if {
	input.resource.format == "cloudformation"
	some i, mapping in lib.attr_blocks("block_device_mappings")
	lib.is_unknown(object.get(mapping, "ebs", null))
}

deny contains lib.violation(path, msg) if {
	some path in unknown_devices
	msg := concat("", [
		"EC2 instance may not encrypt its volumes with a customer-managed KMS key: ",
		concat(".", [sprintf("%v", [part]) | some part in path]),
		" is unknown until apply, required block devices with kms_key_id naming a customer-managed key",
	])
}
