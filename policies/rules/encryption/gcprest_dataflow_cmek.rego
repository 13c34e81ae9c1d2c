# ENC-GCPDATAFLOW-001: Dataflow jobs (classic and Flex Template) encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_dataflow_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp_cmek
import rego.v1

key_paths := [["kms_key_name"]]

deny contains lib.violation(gcp_cmek.finding_path(["kms_key_name"]), msg) if {
	not gcp_cmek.key_set(key_paths)
	msg := concat("", ["Dataflow job encrypts with a Google-managed key: kms_key_name is ", gcp_cmek.value_text(["kms_key_name"]), ", required a Cloud KMS key (CMEK)"])
}
