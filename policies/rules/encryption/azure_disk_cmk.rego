# ENC-AZDISK-001: Azure managed disks encrypt with a customer-managed key through a disk encryption set.
package iacgate.rules.encryption.azure_disk_cmk

import data.iacgate.lib
import rego.v1

# Confidential VM disks name their set in secure_vm_disk_encryption_set_id.
encryption_set if {
	some name in ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]
	lib.is_set(lib.attr(name))
}

deny contains lib.violation([], msg) if {
	not encryption_set
	msg := "managed disk encrypts with a platform-managed key: disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"
}
