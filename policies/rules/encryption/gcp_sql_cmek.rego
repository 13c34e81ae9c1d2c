# ENC-GCPSQL-002: Cloud SQL instances encrypt their storage with a customer-managed key.
package iacgate.rules.encryption.gcp_sql_cmek

import data.iacgate.lib
import rego.v1

deny contains lib.violation([], msg) if {
	not lib.is_set(lib.attr("encryption_key_name"))
	msg := "Cloud SQL instance encrypts with a Google-managed key: encryption_key_name is not set, required a Cloud KMS key (CMEK)"
}
