# The EBS block devices of an Image Builder image recipe (ENC-IMAGEBUILDER-002, ENC-IMAGEBUILDER-003):
# Terraform and Pulumi block_device_mapping[].ebs, CloudFormation BlockDeviceMappings[].Ebs (read as
# block_device_mapping). Prefixed recipe_ (regopy 1.5.2: no two packages with functions of one name).
package iacgate.lib.aws_imagebuilder

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

recipe_mappings := lib.attr("block_device_mapping")

recipe_devices := aws_data.data_nested_ebs(recipe_mappings, ["block_device_mapping"])

# Mappings, or their ebs blocks, unknown until apply.
recipe_unknown contains ["block_device_mapping"] if lib.is_unknown(recipe_mappings)

recipe_unknown contains mapping.path if {
	some mapping in aws_data.data_block_list(recipe_mappings, ["block_device_mapping"])
	lib.is_unknown(mapping.block)
}

recipe_unknown contains array.concat(mapping.path, ["ebs"]) if {
	some mapping in aws_data.data_block_list(recipe_mappings, ["block_device_mapping"])
	not lib.is_unknown(mapping.block)
	lib.is_unknown(object.get(mapping.block, "ebs", null))
}

# A recipe that maps no EBS volume keeps the parent image's mappings: not judged.
recipe_not_concerned if {
	count(recipe_devices) == 0
	count(recipe_unknown) == 0
}
