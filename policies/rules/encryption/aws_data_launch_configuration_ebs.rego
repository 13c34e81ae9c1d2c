# ENC-EC2-002: launch configurations encrypt the EBS volumes they map.
package iacgate.rules.encryption.aws_data_launch_configuration_ebs

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# CloudFormation BlockDeviceMappings[].Ebs (the root device among them) ...
devices := aws_data.data_nested_ebs(lib.attr("block_device_mappings"), ["block_device_mappings"]) if {
	input.resource.format == "cloudformation"
} else := array.concat(
	# ... Terraform and Pulumi root_block_device and ebs_block_device.
	aws_data.data_flat_ebs(lib.attr("root_block_device"), ["root_block_device"], "root"),
	aws_data.data_flat_ebs(lib.attr("ebs_block_device"), ["ebs_block_device"], ""),
)

deny contains violation if {
	some violation in aws_data.data_unencrypted_devices(devices, "Launch configuration")
}
