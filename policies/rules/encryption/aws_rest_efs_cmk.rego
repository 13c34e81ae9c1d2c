# ENC-EFS-002: EFS file systems, and the replicas EFS replication creates, are encrypted with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_efs_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	input.resource.type == "aws_efs_file_system"
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "EFS file system")
}

# Replication to a new file system creates it with destination.kms_key_id, or without it the default KMS key
# for EFS, aws/elasticfilesystem, of the destination region (EFS DestinationToCreate); a destination naming
# an existing file system (file_system_id) keeps that file system's key, judged where it is declared.
# Terraform and Pulumi: aws_efs_replication_configuration destination; CloudFormation: the file system's
# ReplicationConfiguration.Destinations.
replication_attribute := "replication_configuration" if {
	input.resource.format == "cloudformation"
} else := "destination"

destinations := aws_data.data_block_list_with_unknown(
	object.get(lib.attr("replication_configuration"), "destinations", null),
	["replication_configuration", "destinations"],
) if {
	input.resource.format == "cloudformation"
	is_object(lib.attr("replication_configuration"))
} else := [] if {
	input.resource.format == "cloudformation"
} else := aws_data.data_block_list_with_unknown(lib.attr("destination"), ["destination"]) if {
	input.resource.type == "aws_efs_replication_configuration"
} else := []

new_replicas contains destination if {
	some destination in destinations
	not lib.is_unknown(destination.block)
	not lib.is_set(object.get(destination.block, "file_system_id", null))
}

deny contains lib.undetermined(destination.path, msg) if {
	some destination in destinations
	lib.is_unknown(destination.block)
	msg := "EFS replication may create its replica without a customer-managed KMS key: its destination is unknown until apply"
}

# A CloudFormation ReplicationConfiguration unknown as a whole.
deny contains lib.undetermined(["replication_configuration"], msg) if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("replication_configuration"))
	msg := "EFS replication may create its replica without a customer-managed KMS key: its replication configuration is unknown until apply"
}

deny contains violation if {
	some destination in new_replicas
	label := concat("", ["kms_key_id of the replica in ", lib.show(object.get(destination.block, "region", null))])
	some violation in aws_rest.rest_cmk_findings(
		replication_attribute, array.concat(destination.path, ["kms_key_id"]),
		object.get(destination.block, "kms_key_id", null), label, "EFS replica file system",
	)
}

# A replication configuration whose destinations are all existing file systems creates no file system.
deny contains {"not_applicable": true} if {
	input.resource.type == "aws_efs_replication_configuration"
	count(new_replicas) == 0
	not unknown_destination
}

unknown_destination if {
	some destination in destinations
	lib.is_unknown(destination.block)
}
