# ENC-GCPDATAPROC-001: Dataproc clusters encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_dataproc_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp_cmek
import rego.v1

key_paths := [["cluster_config", "encryption_config", "kms_key_name"]]

deny contains lib.violation(gcp_cmek.finding_path(["cluster_config", "encryption_config", "kms_key_name"]), msg) if {
	not gcp_cmek.key_set(key_paths)
	msg := concat("", ["Dataproc cluster encrypts with a Google-managed key: cluster_config.encryption_config.kms_key_name is ", gcp_cmek.value_text(["cluster_config", "encryption_config", "kms_key_name"]), ", required a Cloud KMS key (CMEK)"])
}
