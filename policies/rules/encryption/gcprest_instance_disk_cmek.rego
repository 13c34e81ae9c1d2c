# ENC-GCPINSTANCE-001: the boot and attached disks of a compute instance encrypt with a customer-managed
# (CMEK) or customer-supplied key.
package iacgate.rules.encryption.gcprest_instance_disk_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# An instance's disk block names its key in kms_key_self_link, or supplies one (CSEK).
block_keys := ["kms_key_self_link", "disk_encryption_key_raw", "disk_encryption_key_rsa"]

# A google_compute_disk / google_compute_region_disk names its key in disk_encryption_key.
disk_keys := ["kms_key_self_link", "kms_key_name", "raw_key", "rsa_encrypted_key"]

block_key(block) if {
	some name in block_keys
	lib.set_in_every_branch(object.get(block, name, null))
}

disk_key(disk) if {
	some name in disk_keys
	lib.is_set(gcp.block_setting(disk.attributes, "disk_encryption_key", name))
}

# Persistent disks the instance refers to, by the attribute that names them (boot_disk.source,
# attached_disk.source): each disk block is judged by the disks its own attribute refers to, so a keyed boot
# disk is not blamed for a keyless attached one, nor an attached disk outside the configuration hidden by a
# keyed boot disk that is in it.
disk_types := {"google_compute_disk", "google_compute_region_disk"}

# A data "google_compute_disk" counts once a plan has read it (its disk_encryption_key is there, empty when
# the disk has none); in the source it holds only its own arguments, and the disk's key is not known.
disks_via(attribute) := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.attribute == attribute
	entry.resource.type in disk_types
	gcprest_instance_disk_read(entry.resource)
]

gcprest_instance_disk_read(disk) if disk.mode != "data"

gcprest_instance_disk_read(disk) if object.get(disk.attributes, "disk_encryption_key", null) != null

keyless_via(attribute) := sort({disk.id | some disk in disks_via(attribute); not disk_key(disk)})

boot := gcp.block(lib.attrs, "boot_disk")

# A boot disk the instance creates from an image (initialize_params) needs its own key.
deny contains lib.violation(["boot_disk", 0, "kms_key_self_link"], msg) if {
	gcp.has_block("boot_disk")
	not block_key(boot)
	not lib.is_set(object.get(boot, "source", null))
	msg := "instance boot disk encrypts with a Google-managed key: boot_disk.kms_key_self_link is not set, required a Cloud KMS key (CMEK)"
}

deny contains lib.violation(["boot_disk"], "instance boot disk is unknown until apply: boot_disk.kms_key_self_link cannot be read, required a Cloud KMS key (CMEK)") if {
	lib.is_unknown(lib.attr("boot_disk"))
}

# Attached disks unknown until apply (a dynamic block over an unknown collection, a variable): which disks,
# and whose keys, cannot be read. Undetermined, never a pass.
deny contains lib.violation(["attached_disk"], "instance attached disks are unknown until apply: attached_disk.kms_key_self_link cannot be read, required a Cloud KMS key (CMEK)") if {
	lib.is_unknown(lib.attr("attached_disk"))
}

# Disk blocks that attach an existing disk without naming its key: the disk's own key decides. The finding
# points at the missing kms_key_self_link (source is a reference, unknown until apply in a plan).
sourced contains {"path": ["boot_disk", 0, "kms_key_self_link"], "attribute": "boot_disk"} if {
	gcp.has_block("boot_disk")
	not block_key(boot)
	lib.is_set(object.get(boot, "source", null))
}

sourced contains {"path": ["attached_disk", index, "kms_key_self_link"], "attribute": "attached_disk"} if {
	some index, block in lib.attr_blocks("attached_disk")
	not block_key(block)
}

# How many disk blocks of an attribute attach a disk without naming its key.
sourced_count(attribute) := count([item | some item in sourced; item.attribute == attribute])

deny contains lib.violation(item.path, msg) if {
	some item in sourced
	keyless := keyless_via(item.attribute)
	count(keyless) > 0
	msg := concat("", ["instance uses a disk that encrypts with a Google-managed key: ", concat(", ", keyless), " has no disk_encryption_key, required a Cloud KMS key (CMEK)"])
}

# Fewer disks in the scanned configuration than blocks that attach one: a disk is elsewhere, its key unread.
deny contains lib.undetermined(item.path, msg) if {
	some item in sourced
	count(keyless_via(item.attribute)) == 0
	count({disk.id | some disk in disks_via(item.attribute)}) < sourced_count(item.attribute)
	msg := concat("", ["instance attaches a disk that is not in the scanned configuration: ", item.attribute, ".kms_key_self_link is not set and the disk's own key cannot be read, required a Cloud KMS key (CMEK)"])
}
