# Helpers of the AWS at-rest encryption rules of issue 15 (aws_rest group): the two levels, "encrypted at
# rest" and "encrypted with a customer-managed key", for every AWS type that stores data and takes a key.
# Every function is prefixed rest_: regopy 1.5.2 crashes when two packages define functions of one name
# with different arities.
package iacgate.lib.aws_rest

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_data
import rego.v1

# Findings about a key setting that must name a customer-managed KMS key. `attribute` is the top-level
# argument holding it (edges to KMS data sources are named by it), `path` where the finding points,
# `value` the setting, `label` its name as people read it (see aws.kms_cmk_findings).
rest_cmk_findings(attribute, path, value, label, subject) := aws.kms_cmk_findings(aws.kms_key_class(attribute, value), attribute, path, value, label, subject, "")

# The same for a top-level attribute of the resource under evaluation.
rest_cmk_attr(name, subject) := rest_cmk_findings(name, [name], lib.attr(name), name, subject)

# A setting inside the first block of a nested-block attribute: {"path", "value"} (see aws_data).
rest_cmk_nested(name, key, subject) := rest_cmk_findings(name, setting.path, setting.value, concat(".", [name, key]), subject) if {
	setting := aws_data.data_setting(name, key)
}

# --- EC2 instances ---------------------------------------------------------------------------------

# The EBS devices of an aws_instance, each {"path", "settings", "device", "attribute"}: Terraform and
# Pulumi root_block_device and ebs_block_device; CloudFormation BlockDeviceMappings[].Ebs.
rest_instance_devices := [object.union(device, {"attribute": "block_device_mappings"}) |
	some device in aws_data.data_nested_ebs(lib.attr("block_device_mappings"), ["block_device_mappings"])
] if {
	input.resource.format == "cloudformation"
} else := array.concat(
	[object.union(device, {"attribute": "root_block_device"}) |
		some device in aws_data.data_flat_ebs(lib.attr("root_block_device"), ["root_block_device"], "root")
	],
	[object.union(device, {"attribute": "ebs_block_device"}) |
		some device in aws_data.data_flat_ebs(lib.attr("ebs_block_device"), ["ebs_block_device"], "")
	],
)

# The instance does not describe its root volume, which then comes from the AMI's snapshot: Terraform and
# Pulumi without root_block_device, CloudFormation without BlockDeviceMappings.
rest_instance_root_from_ami if {
	input.resource.format == "cloudformation"
	count(lib.attr_blocks("block_device_mappings")) == 0
	not lib.is_unknown(lib.attr("block_device_mappings"))
}

rest_instance_root_from_ami if {
	input.resource.format != "cloudformation"
	count(lib.attr_blocks("root_block_device")) == 0
	not lib.is_unknown(lib.attr("root_block_device"))
}

# A root_block_device (Terraform and Pulumi) that does not set encrypted: the provider passes Encrypted to
# RunInstances only when it is true (readBlockDeviceMappingsFromConfig), so the root volume gets the
# encryption, and without kms_key_id the key, of the AMI's root snapshot, as without a root_block_device.
# A plan shows that encrypted unknown until apply (optional and computed).
rest_root_left_to_ami(device) if {
	device.attribute == "root_block_device"
	not lib.is_unknown(device.settings)
	not lib.is_set(object.get(device.settings, "encrypted", null))
}

# Where a finding about the undescribed root volume points.
rest_instance_root_path := ["block_device_mappings"] if {
	input.resource.format == "cloudformation"
} else := ["root_block_device"]

rest_instance_root_text := "block_device_mappings" if {
	input.resource.format == "cloudformation"
} else := "root_block_device"

# A key attribute of a resource that, created from a snapshot or as a replica or secondary (an attribute
# of `sources` is set), keeps its source's key when the attribute is not set: undetermined then, since the
# source's key is not in the resource.
rest_cmk_attr_or_source(name, sources, subject) := {lib.undetermined([name], msg)} if {
	not lib.is_set(lib.attr(name))
	some source in sources
	lib.is_set(lib.attr(source))
	msg := concat("", [
		subject, " keeps the key of the source it is created from (", source, " is ", lib.attr_text(source),
		"), which the scanned configuration does not show: ", name, " is not set, required the ARN or alias",
		" of a customer-managed key",
	])
} else := rest_cmk_attr(name, subject)

# --- Global clusters (RDS, DocumentDB, Neptune) ----------------------------------------------------

# A global cluster's storage_encrypted applies to every member cluster; it defaults to false. One built from
# an existing cluster (source_db_cluster_identifier) takes that cluster's encryption when storage_encrypted
# is not set: undetermined, the source is not in the resource. `subject` names the service's global cluster.
rest_global_cluster_findings(subject) := {lib.undetermined(["storage_encrypted"], msg)} if {
	not lib.is_set(lib.attr("storage_encrypted"))
	lib.is_set(lib.attr("source_db_cluster_identifier"))
	msg := concat("", [
		subject, " takes its encryption from the cluster it is built from (source_db_cluster_identifier is ",
		lib.attr_text("source_db_cluster_identifier"),
		"), which the scanned configuration does not show: storage_encrypted is not set, required true",
	])
} else := {lib.violation(["storage_encrypted"], msg)} if {
	not lib.is_true(lib.attr("storage_encrypted"))
	msg := concat("", [
		subject, " is not encrypted at rest: storage_encrypted is ", lib.attr_text("storage_encrypted"),
		", required true",
	])
} else := set()

# --- RDS snapshots ----------------------------------------------------------------------------------

# An RDS snapshot has no encryption setting of its own: it has the encryption and key of the DB instance
# (aws_db_snapshot, db_instance_identifier) or cluster (aws_db_cluster_snapshot, db_cluster_identifier) it
# is taken of.
rest_rds_snapshot_source(type_name) := {
	"type": "aws_db_instance", "attribute": "db_instance_identifier",
	"subject": "RDS DB snapshot", "noun": "DB instance",
} if {
	type_name == "aws_db_snapshot"
} else := {
	"type": "aws_rds_cluster", "attribute": "db_cluster_identifier",
	"subject": "RDS DB cluster snapshot", "noun": "DB cluster",
}

# Arguments of the source that make it inherit its encryption from another snapshot, instance or cluster
# when storage_encrypted is not true.
rest_rds_inherits(type_name) := ["snapshot_identifier", "replicate_source_db", "restore_to_point_in_time"] if {
	type_name == "aws_db_instance"
} else := [
	"snapshot_identifier", "replication_source_identifier", "global_cluster_identifier",
	"restore_to_point_in_time",
]

# The source's storage encryption as its snapshot sees it: "encrypted", "unencrypted" or "undetermined".
rest_rds_source_encryption(db) := "encrypted" if {
	lib.is_true(object.get(db.attributes, "storage_encrypted", null))
} else := "encrypted" if {
	# Aurora Serverless v1 storage is always encrypted.
	db.type == "aws_rds_cluster"
	object.get(db.attributes, "engine_mode", null) == "serverless"
} else := "undetermined" if {
	lib.is_unknown(object.get(db.attributes, "storage_encrypted", null))
} else := "undetermined" if {
	db.type == "aws_rds_cluster"
	lib.is_unknown(object.get(db.attributes, "engine_mode", null))
} else := "undetermined" if {
	some name in rest_rds_inherits(db.type)
	value := object.get(db.attributes, name, null)
	lib.is_set(value)
} else := "unencrypted"

rest_rds_source_undetermined_text(db) := concat("", [
	"is created from ", name, " ", lib.show(object.get(db.attributes, name, null)),
	" without storage_encrypted = true, and takes its encryption from there",
]) if {
	not lib.is_unknown(object.get(db.attributes, "storage_encrypted", null))
	some name in rest_rds_inherits(db.type)
	value := object.get(db.attributes, name, null)
	lib.is_set(value)
} else := "has storage_encrypted or engine_mode unknown until apply"

# --- RDS storage encryption inherited from a source -------------------------------------------------

# Arguments that create a DB instance or cluster from a source: a snapshot, a primary it replicates, a
# point in time or automated backup of another. Its storage then has the source's encryption, and
# storage_encrypted is not passed to AWS (CloudFormation: "don't specify this property, the value is
# inherited"). CloudFormation's SourceDBClusterIdentifier (a DB instance replicating a Multi-AZ DB cluster,
# a cluster restored to a point in time), SourceDBInstanceAutomatedBackupsArn and SourceDbiResourceId name
# sources too. Not the global cluster a secondary cluster joins: AWS refuses an unencrypted secondary of an
# encrypted global cluster, so storage_encrypted there is the cluster's own.
rest_rds_storage_sources(type_name) := [
	"replicate_source_db", "snapshot_identifier", "restore_to_point_in_time", "source_db_cluster_identifier",
	"source_db_instance_automated_backups_arn", "source_dbi_resource_id",
] if {
	type_name == "aws_db_instance"
} else := [
	"snapshot_identifier", "replication_source_identifier", "restore_to_point_in_time",
	"source_db_cluster_identifier",
]

# The source arguments the resource under evaluation sets.
rest_rds_storage_source_names := [name |
	some name in rest_rds_storage_sources(input.resource.type)
	lib.is_set(lib.attr(name))
]

# The resources of the configuration (of the resource's own type: the primary of a replica, the cluster
# restored to a point in time) those arguments refer to.
rest_rds_storage_source_resources := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.attribute in rest_rds_storage_source_names
	entry.resource.type == input.resource.type
	entry.resource.mode == "managed"
]

# The storage encryption the resource takes from its sources: "none" (it is not created from one),
# "encrypted" (every source is a resource of the configuration whose storage is encrypted), "unencrypted"
# (one is a resource of the configuration whose storage is not) or "undetermined" (a snapshot, an ARN or
# a name the configuration does not show, or a source whose own encryption is unknown).
rest_rds_inherited_encryption := "none" if {
	count(rest_rds_storage_source_names) == 0
} else := "unencrypted" if {
	not rest_rds_storage_source_conditional
	some db in rest_rds_storage_source_resources
	rest_rds_source_encryption(db) == "unencrypted"
} else := "encrypted" if {
	count(rest_rds_storage_source_resources) > 0
	not rest_rds_storage_source_conditional
	every name in rest_rds_storage_source_names {
		rest_rds_storage_source_refers(name)
	}
	every db in rest_rds_storage_source_resources {
		rest_rds_source_encryption(db) == "encrypted"
	}
} else := "undetermined"

# A source chosen by a condition that cannot be evaluated: the references say nothing of the branch taken.
rest_rds_storage_source_conditional if {
	some name in rest_rds_storage_source_names
	lib.unknown_conditional(lib.attr(name))
}

# A source argument refers to a resource of the configuration of the resource's own type.
rest_rds_storage_source_refers(name) if {
	some entry in input.related
	entry.direction == "out"
	entry.attribute == name
	entry.resource.type == input.resource.type
	entry.resource.mode == "managed"
}

# Findings on the storage encryption a DB instance or cluster (RDS, Aurora, DocumentDB, Neptune) takes
# from the source it is created from, when it does not set storage_encrypted = true itself: failed when
# the source is a resource of the configuration whose storage is not encrypted (decided by it, though the
# argument naming it is unknown until apply), undetermined when the configuration does not show the source.
# Empty when the resource is not created from a source. `subject` names the resource in messages.
rest_inherited_storage_findings(subject) := array.concat(
	rest_inherited_storage_unencrypted(subject),
	rest_inherited_storage_undetermined(subject),
)

rest_inherited_storage_unencrypted(subject) := [finding |
	rest_rds_inherited_encryption == "unencrypted"
	not lib.is_true(lib.attr("storage_encrypted"))
	some name in rest_rds_storage_source_names
	msg := concat("", [
		subject, " storage is not encrypted: it takes the encryption of the source it is created from (",
		name, " is ", lib.attr_text(name), "), whose storage is not encrypted, required an encrypted source",
	])
	finding := lib.decided_violation([name], msg)
]

rest_inherited_storage_undetermined(subject) := [finding |
	rest_rds_inherited_encryption == "undetermined"
	not lib.is_true(lib.attr("storage_encrypted"))
	some name in rest_rds_storage_source_names
	msg := concat("", [
		subject, " takes its storage encryption from the source it is created from (", name, " is ",
		lib.attr_text(name), "), which the scanned configuration does not show: storage_encrypted is ",
		lib.attr_text("storage_encrypted"), ", required an encrypted source",
	])
	finding := lib.undetermined([name], msg)
]

# A block device as messages name it: `block device /dev/sdf`, or, when the mapping names none (a dynamic
# block, a mapping without device_name), `block device without a device name` (not "block device not set"),
# and `block device whose device_name is unknown until apply` (aws_data.data_device_text).
rest_device_text(device) := aws_data.data_device_text(device)
