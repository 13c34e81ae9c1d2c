# ENC-AZSTORAGE-003: Azure storage accounts encrypt twice (infrastructure encryption).
package iacgate.rules.encryption.azure_storage_infrastructure_encryption

import data.iacgate.lib
import rego.v1

# Defaults to false and cannot be changed after creation, so a missing value fails.
deny contains lib.violation(["infrastructure_encryption_enabled"], msg) if {
	not lib.is_true(lib.attr("infrastructure_encryption_enabled"))
	msg := concat("", ["storage account data is encrypted once: infrastructure_encryption_enabled is ", lib.attr_text("infrastructure_encryption_enabled"), ", required true"])
}
