# ENC-ECS-001: ECS task definitions mount EFS volumes with transit encryption.
package iacgate.rules.encryption.aws_data_ecs_efs_transit

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# Terraform and Pulumi volume; CloudFormation Volumes.
volume_name := "volumes" if input.resource.format == "cloudformation"

else := "volume"

# The EFS volumes (or volumes unknown until apply) of the task definition.
efs_volumes := [volume |
	some volume in aws_data.data_block_list_with_unknown(lib.attr(volume_name), [volume_name])
	efs_entry(volume)
]

# A task definition without EFS volumes (bind mounts, Docker volumes or none) is not concerned.
deny contains {"not_applicable": true} if count(efs_volumes) == 0

deny contains lib.violation(array.concat(efs.path, ["transit_encryption"]), msg) if {
	some volume in aws_data.data_block_list_with_unknown(lib.attr(volume_name), [volume_name])
	efs := efs_entry(volume)
	value := aws_data.data_get(efs.block, "transit_encryption")
	value != "ENABLED"
	not lib.is_unknown(value)
	msg := concat("", [
		"ECS task definition mounts EFS volume ", object.get(volume.block, "name", ""),
		" without transit encryption: efs_volume_configuration.transit_encryption is ", lib.show(value),
		", required ENABLED",
	])
}

# The volumes, a volume's efs_volume_configuration or its transit_encryption unknown until apply (a
# dynamic block, a variable): the finding points into the unknown value and is undetermined, never a pass.
deny contains lib.violation(array.concat(efs.path, ["transit_encryption"]), msg) if {
	some volume in aws_data.data_block_list_with_unknown(lib.attr(volume_name), [volume_name])
	efs := efs_entry(volume)
	lib.is_unknown(aws_data.data_get(efs.block, "transit_encryption"))
	msg := "ECS task definition EFS transit encryption is unknown: the volumes or efs_volume_configuration.transit_encryption are unknown until apply, required ENABLED"
}

# The EFS configuration of a volume with its path: the volume itself when it is unknown, the configuration
# when it is unknown; undefined when the volume mounts no EFS file system.
efs_entry(volume) := {"path": volume.path, "block": volume.block} if {
	lib.is_unknown(volume.block)
} else := {"path": config_path, "block": config} if {
	config := object.get(volume.block, "efs_volume_configuration", null)
	lib.is_unknown(config)
	config_path := array.concat(volume.path, ["efs_volume_configuration"])
} else := aws_data.data_first_block(
	object.get(volume.block, "efs_volume_configuration", null),
	array.concat(volume.path, ["efs_volume_configuration"]),
)
