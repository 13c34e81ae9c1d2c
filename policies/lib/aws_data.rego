# Helpers of the AWS data-store encryption rules (aws_data group). Every function is prefixed data_:
# regopy 1.5.2 crashes when two packages define functions of one name with different arity.
package iacgate.lib.aws_data

import data.iacgate.lib
import rego.v1

# The first settings block of a nested-block value with its path: Terraform writes a list of blocks,
# CloudFormation and Pulumi one object. Undefined when the block is missing or unknown until apply.
data_first_block(value, path) := {"path": array.concat(path, [0]), "block": value[0]} if {
	is_array(value)
	count(value) > 0
	is_object(value[0])
} else := {"path": path, "block": value} if {
	is_object(value)
	not lib.is_unknown(value)
}

# A setting inside a nested block of the resource under evaluation: its value (null when missing) and
# where a finding about it points (the block, or the resource, when the block itself is missing).
data_setting(name, key) := {"path": array.concat(found.path, [key]), "value": object.get(found.block, key, null)} if {
	found := data_first_block(lib.attr(name), [name])
} else := {"path": lib.missing_block_path(name), "value": null}

# A setting one block deeper (MSK encryption_info.encryption_in_transit.client_broker).
data_subsetting(name, sub, key) := result if {
	outer := data_first_block(lib.attr(name), [name])
	inner := data_first_block(object.get(outer.block, sub, null), array.concat(outer.path, [sub]))
	result := {"path": array.concat(inner.path, [key]), "value": object.get(inner.block, key, null)}
} else := {"path": array.concat(outer.path, [sub]), "value": null} if {
	outer := data_first_block(lib.attr(name), [name])
} else := {"path": lib.missing_block_path(name), "value": null}

# A finding about a top-level boolean that must be true: it names the value found and what is required.
data_not_true(name, subject) := lib.violation(
	[name],
	concat("", [subject, ": ", name, " is ", lib.attr_text(name), ", required true"]),
)

# A finding about a setting (from data_setting) that must be true; `label` names it as people read it.
data_setting_not_true(setting, label, subject) := lib.violation(
	setting.path,
	concat("", [subject, ": ", label, " is ", lib.show(setting.value), ", required true"]),
)

# Every block of a nested-block value with its path (a list in Terraform, one object elsewhere).
# regopy 1.5.2 mis-evaluates builtin calls in a comprehension's head inside a function: compute in the body.
data_block_list(value, path) := listed if {
	is_array(value)
	listed := [entry |
		some i
		block := value[i]
		is_object(block)
		entry := {"path": array.concat(path, [i]), "block": block}
	]
} else := [{"path": path, "block": value}] if {
	is_object(value)
	not lib.is_unknown(value)
} else := []

# EBS settings of block-device mappings that nest them in an `ebs` block (launch templates, CloudFormation
# BlockDeviceMappings[].Ebs); mappings without one (instance store, no_device) hold no EBS volume. Mappings
# or an `ebs` block unknown until apply (a dynamic block, a variable) are one device whose settings are the
# unknown marker: a finding about it points into the unknown value and is undetermined, never a pass.
data_nested_ebs(value, path) := [entry |
	some mapping in data_block_list_with_unknown(value, path)
	ebs := data_ebs_entry(mapping)
	entry := {"path": ebs.path, "settings": ebs.block, "device": object.get(mapping.block, "device_name", "")}
]

data_ebs_entry(mapping) := {"path": mapping.path, "block": mapping.block} if {
	lib.is_unknown(mapping.block)
} else := {"path": ebs_path, "block": ebs} if {
	ebs := object.get(mapping.block, "ebs", null)
	lib.is_unknown(ebs)
	ebs_path := array.concat(mapping.path, ["ebs"])
} else := data_first_block(object.get(mapping.block, "ebs", null), array.concat(mapping.path, ["ebs"]))

# EBS settings written as device blocks of their own (ebs_block_device, root_block_device); unknown until
# apply as a whole, one device whose settings are the unknown marker.
data_flat_ebs(value, path, default_device) := [entry |
	some device in data_block_list_with_unknown(value, path)
	entry := {"path": device.path, "settings": device.block, "device": object.get(device.block, "device_name", default_device)}
]

# data_block_list, with a value unknown until apply as one block that is the unknown marker.
data_block_list_with_unknown(value, path) := [{"path": path, "block": value}] if {
	lib.is_unknown(value)
} else := data_block_list(value, path)

# A setting of a block that may be the unknown marker (then the setting is unknown too).
data_get(block, key) := block if {
	lib.is_unknown(block)
} else := object.get(block, key, null)

# One finding per EBS device whose encrypted is not true. A device restored from a snapshot (snapshot_id)
# without encrypted takes the snapshot's encryption: undetermined, unless an encrypted snapshot copy the
# resource refers to is in the graph (issue 15 §3).
data_unencrypted_devices(devices, subject) := data_failed_devices(devices, subject) | data_snapshot_devices(devices, subject)

data_failed_devices(devices, subject) := {finding |
	some device in devices
	value := data_get(device.settings, "encrypted")
	not lib.is_true(value)
	not data_from_snapshot(device.settings)
	msg := concat("", [
		subject, " ", data_device_text(device.device), " is not encrypted: encrypted is ", lib.show(value),
		", required true",
	])
	finding := lib.violation(array.concat(device.path, ["encrypted"]), msg)
}

data_snapshot_devices(devices, subject) := {finding |
	some device in devices
	data_from_snapshot(device.settings)
	not data_encrypted_snapshot_copies
	msg := concat("", [
		subject, " ", data_device_text(device.device), " takes its encryption from the snapshot it is restored from",
		" (snapshot_id is ", lib.show(object.get(device.settings, "snapshot_id", null)),
		"), which the scanned configuration does not show: encrypted is not set, required true",
	])
	finding := lib.undetermined(array.concat(device.path, ["encrypted"]), msg)
}

# A block device as messages name it: its device_name is any value (a variable, a name the plan knows only
# after apply), so it is shown, never concatenated as it is: `block device /dev/sdf`, `block device root`,
# `block device whose device_name is unknown until apply`, `block device without a device name`.
data_device_text(device) := concat("", ["block device whose device_name is ", lib.show(device)]) if {
	lib.is_unknown(device)
} else := concat("", ["block device ", lib.show(device)]) if {
	lib.is_set(device)
} else := "block device without a device name"

# encrypted is not set and the volume is restored from a snapshot.
data_from_snapshot(settings) if {
	not lib.is_set(object.get(settings, "encrypted", null))
	lib.is_set(object.get(settings, "snapshot_id", null))
}

# The resource restores from snapshot copies of the graph, and each is encrypted.
data_encrypted_snapshot_copies if {
	copies := lib.referenced("aws_ebs_snapshot_copy")
	count(copies) > 0
	every copy in copies {
		lib.is_true(object.get(copy.attributes, "encrypted", null))
	}
}
