# ENC-EC2-001: launch templates encrypt the EBS volumes they map.
package iacgate.rules.encryption.aws_data_launch_template_ebs

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# Terraform and Pulumi block_device_mappings; CloudFormation LaunchTemplateData.BlockDeviceMappings.
devices := aws_data.data_nested_ebs(aws_data.data_get(template_data, "block_device_mappings"), ["launch_template_data", "block_device_mappings"]) if {
	input.resource.format == "cloudformation"
} else := aws_data.data_nested_ebs(lib.attr("block_device_mappings"), ["block_device_mappings"])

template_data := settings if {
	settings := lib.attr("launch_template_data")
	is_object(settings)
} else := {}

deny contains violation if {
	some violation in aws_data.data_unencrypted_devices(devices, "Launch template")
}
