# ENC-ECS-001: ECS task definitions mount EFS volumes with transit encryption.
package iacgate.rules.encryption.aws_data_ecs_efs_transit

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# Terraform and Pulumi volume; CloudFormation Volumes.
volume_name := "volumes" if input.resource.format == "cloudformation"

else := "volume"

deny contains lib.violation(array.concat(efs.path, ["transit_encryption"]), msg) if {
	some volume in aws_data.data_block_list(lib.attr(volume_name), [volume_name])
	efs := aws_data.data_first_block(
		object.get(volume.block, "efs_volume_configuration", null),
		array.concat(volume.path, ["efs_volume_configuration"]),
	)
	value := object.get(efs.block, "transit_encryption", null)
	value != "ENABLED"
	not lib.is_unknown(value)
	msg := concat("", [
		"ECS task definition mounts EFS volume ", object.get(volume.block, "name", ""),
		" without transit encryption: efs_volume_configuration.transit_encryption is ", lib.show(value),
		", required ENABLED",
	])
}
