# ENC-GCPSPANNER-001: Spanner databases encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_spanner_database_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp_cmek
import rego.v1

key_paths := [["encryption_config", "kms_key_name"], ["encryption_config", "kms_key_names"]]

deny contains lib.violation(gcp_cmek.finding_path(["encryption_config", "kms_key_name"]), msg) if {
	not gcp_cmek.key_set(key_paths)
	msg := concat("", ["Spanner database encrypts with a Google-managed key: encryption_config.kms_key_name is ", gcp_cmek.value_text(["encryption_config", "kms_key_name"]), ", required a Cloud KMS key (CMEK)"])
}
