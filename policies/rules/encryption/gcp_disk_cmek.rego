# ENC-GCPDISK-001: persistent disks encrypt with a customer-managed (CMEK) or customer-supplied key.
package iacgate.rules.encryption.gcp_disk_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# kms_key_self_link (google_compute_disk) and kms_key_name (google_compute_region_disk) name a Cloud KMS
# key; raw_key and rsa_encrypted_key supply the key (CSEK), which the customer controls as well.
key_settings := ["kms_key_self_link", "kms_key_name", "raw_key", "rsa_encrypted_key"]

customer_key if {
	some setting in key_settings
	gcp.gcp_setting_set("disk_encryption_key", setting)
}

# A key setting unknown until apply that a condition may leave unset: the finding points at it.
unknown_setting := setting if {
	some setting in key_settings
	lib.is_unknown(gcp.block_setting(lib.attrs, "disk_encryption_key", setting))
}

deny contains lib.violation(path, msg) if {
	not customer_key
	path := disk_path
	msg := concat("", [
		"persistent disk encrypts with a Google-managed key: disk_encryption_key.", disk_setting, " is ",
		gcp.gcp_setting_text("disk_encryption_key", disk_setting), ", required a Cloud KMS key (CMEK)",
	])
}

# The setting a message names: the one unknown until apply, else the type's Cloud KMS key argument
# (google_compute_region_disk has no kms_key_self_link: its disk_encryption_key names the key in kms_key_name).
disk_setting := unknown_setting if {
	unknown_setting
} else := "kms_key_name" if {
	input.resource.type == "google_compute_region_disk"
} else := "kms_key_self_link"

disk_path := gcp.gcp_setting_path("disk_encryption_key", disk_setting)
