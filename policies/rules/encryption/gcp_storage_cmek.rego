# ENC-GCPSTORAGE-001: Cloud Storage buckets encrypt new objects with a customer-managed key by default.
package iacgate.rules.encryption.gcp_storage_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

deny contains lib.violation(path, msg) if {
	not gcp.gcp_setting_set("encryption", "default_kms_key_name")
	path := gcp.gcp_setting_path("encryption", "default_kms_key_name")
	msg := concat("", [
		"bucket encrypts with a Google-managed key: encryption.default_kms_key_name is ",
		gcp.gcp_setting_text("encryption", "default_kms_key_name"), ", required a Cloud KMS key (CMEK)",
	])
}
