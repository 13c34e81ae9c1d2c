# ENC-GCPTEMPLATE-001: the disks an instance template creates encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_instance_template_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# A disk block that attaches an existing disk (source) is judged as that disk; local SSDs (type SCRATCH)
# cannot take a key.
created(disk) if {
	not lib.is_set(object.get(disk, "source", null))
	not upper(lib.show(object.get(disk, "type", null))) == "SCRATCH"
}

keyed(disk) if lib.set_in_every_branch(gcp.block_setting(disk, "disk_encryption_key", "kms_key_self_link"))

# A key a condition may leave unset (`c ? key : null`) is reported at it: undetermined, never a pass.
template_key_path(disk, index) := ["disk", index, "disk_encryption_key", 0, "kms_key_self_link"] if {
	lib.is_unknown(gcp.block_setting(disk, "disk_encryption_key", "kms_key_self_link"))
} else := ["disk", index, "disk_encryption_key"]

deny contains lib.violation(path, msg) if {
	some index, disk in lib.attr_blocks("disk")
	created(disk)
	not keyed(disk)
	path := template_key_path(disk, index)
	key := gcp.block_setting(disk, "disk_encryption_key", "kms_key_self_link")
	msg := concat("", ["instance template disk ", format_int(index, 10), " encrypts with a Google-managed key: disk.disk_encryption_key.kms_key_self_link is ", lib.show(key), ", required a Cloud KMS key (CMEK)"])
}

deny contains lib.violation(["disk"], "instance template disks are unknown until apply: disk.disk_encryption_key.kms_key_self_link cannot be read, required a Cloud KMS key (CMEK)") if {
	lib.is_unknown(lib.attr("disk"))
}
