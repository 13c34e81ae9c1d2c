# ENC-GCPBQ-001: BigQuery datasets encrypt new tables with a customer-managed key by default.
package iacgate.rules.encryption.gcp_bigquery_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

deny contains lib.violation(path, msg) if {
	not gcp.gcp_setting_set("default_encryption_configuration", "kms_key_name")
	path := gcp.gcp_setting_path("default_encryption_configuration", "kms_key_name")
	msg := concat("", [
		"dataset encrypts with a Google-managed key: default_encryption_configuration.kms_key_name is ",
		gcp.gcp_setting_text("default_encryption_configuration", "kms_key_name"), ", required a Cloud KMS key (CMEK)",
	])
}
