# ENC-GCPREDIS-002: Memorystore Redis instances encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_redis_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp_cmek
import rego.v1

key_paths := [["customer_managed_key"]]

deny contains lib.violation(gcp_cmek.finding_path(["customer_managed_key"]), msg) if {
	not gcp_cmek.key_set(key_paths)
	msg := concat("", ["Memorystore Redis instance encrypts with a Google-managed key: customer_managed_key is ", gcp_cmek.value_text(["customer_managed_key"]), ", required a Cloud KMS key (CMEK)"])
}
