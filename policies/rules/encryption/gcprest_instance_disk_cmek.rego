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
	not from_template("boot_disk")
}

# Attached disks unknown until apply (a dynamic block over an unknown collection, a variable): which disks,
# and whose keys, cannot be read. Undetermined, never a pass.
deny contains lib.violation(["attached_disk"], "instance attached disks are unknown until apply: attached_disk.kms_key_self_link cannot be read, required a Cloud KMS key (CMEK)") if {
	lib.is_unknown(lib.attr("attached_disk"))
	not from_template("attached_disk")
}

# --- google_compute_instance_from_template -----------------------------------------------------------------
# The provider builds the instance's disks from its source_instance_template, replacing the template's boot
# disk only when boot_disk is written, and the template's other persistent disks only when attached_disk is
# (adjustInstanceFromTemplateDisks). A disk the instance takes from the template is judged there: created
# by the template (no source) and not local SSD, it needs disk.disk_encryption_key.kms_key_self_link.

# boot_disk or attached_disk taken from the template: not written. (A plan shows them known after apply where
# the configuration writes none; the plan parser reads that as not set, iacgate/parsers/tfplan.py _COMPUTED.
# One still unknown is written, by a dynamic block over an unknown collection: undetermined, see above.)
from_template(name) if {
	input.resource.type == "google_compute_instance_from_template"
	not lib.is_unknown(lib.attr(name))
	count(lib.attr_blocks(name)) == 0
}

template_types := {"google_compute_instance_template", "google_compute_region_instance_template"}

source_templates := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.attribute == "source_instance_template"
	entry.resource.type in template_types
	entry.resource.mode != "data"
]

# Which part of the instance a template disk becomes: the boot disk, an attached disk, or a scratch disk.
template_disk_role(disk) := "boot_disk" if {
	lib.is_true(object.get(disk, "boot", null))
} else := "scratch_disk" if {
	upper(lib.show(object.get(disk, "type", null))) == "SCRATCH"
} else := "attached_disk"

template_disk_keyless(disk) if {
	not lib.is_set(object.get(disk, "source", null))
	not lib.is_set(gcp.block_setting(disk, "disk_encryption_key", "kms_key_self_link"))
}

# A template disk whose key a condition may leave unset (`c ? key : null`): undetermined, never a pass.
template_disk_maybe_keyless(disk) if {
	not lib.is_set(object.get(disk, "source", null))
	lib.unknown_maybe_unset(gcp.block_setting(disk, "disk_encryption_key", "kms_key_self_link"))
}

# "<template> disk <index>" for each disk of a source template, taken as `name`, that encrypts with a Google-managed key.
template_keyless(name) := sort([label |
	some template in source_templates
	template_disks := lib.blocks(object.get(template.attributes, "disk", null))
	some index
	disk := template_disks[index]
	template_disk_role(disk) == name
	template_disk_keyless(disk)
	label := concat("", [template.id, " disk ", format_int(index, 10)])
])

deny contains lib.decided_violation(["source_instance_template"], msg) if {
	some name in ["boot_disk", "attached_disk"]
	from_template(name)
	keyless := template_keyless(name)
	count(keyless) > 0
	msg := concat("", ["instance takes its ", name, " from a template disk that encrypts with a Google-managed key: ", concat(", ", keyless), " has no disk_encryption_key.kms_key_self_link, required a Cloud KMS key (CMEK)"])
}

deny contains lib.undetermined(["source_instance_template"], msg) if {
	some name in ["boot_disk", "attached_disk"]
	from_template(name)
	some template in source_templates
	some disk in lib.blocks(object.get(template.attributes, "disk", null))
	template_disk_role(disk) == name
	template_disk_maybe_keyless(disk)
	msg := concat("", ["instance takes its ", name, " from a template disk whose key a condition may leave unset: ", template.id, " disk.disk_encryption_key.kms_key_self_link is unknown until apply, required a Cloud KMS key (CMEK)"])
}

takes_from_template if {
	some name in ["boot_disk", "attached_disk"]
	from_template(name)
}

# The template is not in the scanned configuration, or its disks are unknown until apply: its keys cannot be read.
deny contains lib.undetermined(["source_instance_template"], msg) if {
	takes_from_template
	count(source_templates) == 0
	msg := concat("", ["instance takes its disks from a template that is not in the scanned configuration: source_instance_template is ", lib.attr_text("source_instance_template"), ", required a Cloud KMS key (CMEK) on each disk the template creates"])
}

deny contains lib.undetermined(["source_instance_template"], msg) if {
	takes_from_template
	some template in source_templates
	lib.is_unknown(object.get(template.attributes, "disk", null))
	msg := concat("", ["instance takes its disks from a template whose disks are unknown until apply: ", template.id, " disk is unknown until apply, required a Cloud KMS key (CMEK) on each disk the template creates"])
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

# A disk whose key a condition may leave unset (kms_key_self_link = var.x ? key : null): the answer is open.
disk_key_in_every_branch(disk) if {
	some name in disk_keys
	lib.set_in_every_branch(gcp.block_setting(disk.attributes, "disk_encryption_key", name))
}

maybe_keyless_via(attribute) := sort({disk.id | some disk in disks_via(attribute); disk_key(disk); not disk_key_in_every_branch(disk)})

deny contains lib.undetermined(item.path, msg) if {
	some item in sourced
	count(keyless_via(item.attribute)) == 0
	maybe := maybe_keyless_via(item.attribute)
	count(maybe) > 0
	msg := concat("", ["instance uses a disk whose key a condition may leave unset: ", concat(", ", maybe), " has a disk_encryption_key unknown until apply, required a Cloud KMS key (CMEK)"])
}

# Fewer disks in the scanned configuration than blocks that attach one: a disk is elsewhere, its key unread.
deny contains lib.undetermined(item.path, msg) if {
	some item in sourced
	count(keyless_via(item.attribute)) == 0
	count({disk.id | some disk in disks_via(item.attribute)}) < sourced_count(item.attribute)
	msg := concat("", ["instance attaches a disk that is not in the scanned configuration: ", item.attribute, ".kms_key_self_link is not set and the disk's own key cannot be read, required a Cloud KMS key (CMEK)"])
}
