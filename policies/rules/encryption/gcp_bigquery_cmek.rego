# ENC-GCPBQ-001: BigQuery datasets encrypt new tables with a customer-managed key by default.
package iacgate.rules.encryption.gcp_bigquery_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

deny contains lib.violation(path, msg) if {
	not lib.is_set(gcp.block_setting(lib.attrs, "default_encryption_configuration", "kms_key_name"))
	path := missing_path
	msg := "dataset encrypts with a Google-managed key: default_encryption_configuration.kms_key_name is not set, required a Cloud KMS key (CMEK)"
}

missing_path := ["default_encryption_configuration", 0] if {
	gcp.has_block("default_encryption_configuration")
} else := []
