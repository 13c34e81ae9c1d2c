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

# Persistent disks the instance refers to (boot_disk.source, attached_disk.source).
disks := array.concat(lib.referenced("google_compute_disk"), lib.referenced("google_compute_region_disk"))

keyless_disks := sort({disk.id | some disk in disks; not disk_key(disk)})

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

# Disk blocks that attach an existing disk without naming its key: the disk's own key decides. The finding
# points at the missing kms_key_self_link (source is a reference, unknown until apply in a plan).
sourced contains ["boot_disk", 0, "kms_key_self_link"] if {
	gcp.has_block("boot_disk")
	not block_key(boot)
	lib.is_set(object.get(boot, "source", null))
}

sourced contains ["attached_disk", index, "kms_key_self_link"] if {
	some index, block in lib.attr_blocks("attached_disk")
	not block_key(block)
}

deny contains lib.violation(path, msg) if {
	some path in sourced
	count(keyless_disks) > 0
	msg := concat("", ["instance uses a disk that encrypts with a Google-managed key: ", concat(", ", keyless_disks), " has no disk_encryption_key, required a Cloud KMS key (CMEK)"])
}

deny contains lib.undetermined(path, msg) if {
	some path in sourced
	count(disks) == 0
	msg := concat("", ["instance attaches a disk that is not in the scanned configuration: ", path[0], ".kms_key_self_link is not set and the disk's own key cannot be read, required a Cloud KMS key (CMEK)"])
}
