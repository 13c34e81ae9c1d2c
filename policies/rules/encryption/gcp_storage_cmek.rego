# ENC-GCPSTORAGE-001: Cloud Storage buckets encrypt new objects with a customer-managed key by default.
package iacgate.rules.encryption.gcp_storage_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

deny contains lib.violation(path, msg) if {
	not lib.is_set(gcp.block_setting(lib.attrs, "encryption", "default_kms_key_name"))
	path := missing_path
	msg := "bucket encrypts with a Google-managed key: encryption.default_kms_key_name is not set, required a Cloud KMS key (CMEK)"
}

missing_path := ["encryption", 0] if {
	gcp.has_block("encryption")
} else := []
