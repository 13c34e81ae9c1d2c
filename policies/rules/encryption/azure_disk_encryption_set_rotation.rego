# ENC-AZDISK-002: disk encryption sets follow the rotation of their Key Vault key automatically.
package iacgate.rules.encryption.azure_disk_encryption_set_rotation

import data.iacgate.lib
import rego.v1

# auto_key_rotation_enabled defaults to false: a missing value fails.
deny contains lib.violation(["auto_key_rotation_enabled"], msg) if {
	not lib.is_true(lib.attr("auto_key_rotation_enabled"))
	msg := concat("", ["disk encryption set keeps using the key version it was given: auto_key_rotation_enabled is ", lib.attr_text("auto_key_rotation_enabled"), ", required true"])
}
