# ENC-AZAKS-001: AKS clusters encrypt node OS and data disks with a customer-managed key.
package iacgate.rules.encryption.azure_aks_disk_cmk

import data.iacgate.lib
import rego.v1

deny contains lib.violation([], msg) if {
	not lib.is_set(lib.attr("disk_encryption_set_id"))
	msg := "AKS cluster node disks encrypt with a platform-managed key: disk_encryption_set_id is not set, required a disk encryption set with a customer-managed key"
}
