# ENC-GCPSQL-002: Cloud SQL instances encrypt their storage with a customer-managed key.
package iacgate.rules.encryption.gcp_sql_cmek

import data.iacgate.lib
import rego.v1

key := lib.attr("encryption_key_name")

# A key a condition may leave unset (`c ? key : null`) is reported at its path: undetermined, never a pass.
deny contains lib.violation(path, msg) if {
	not lib.set_in_every_branch(key)
	path := gcp_sql_cmek_path
	msg := concat("", [
		"Cloud SQL instance encrypts with a Google-managed key: encryption_key_name is ", lib.show(key),
		", required a Cloud KMS key (CMEK)",
	])
}

gcp_sql_cmek_path := ["encryption_key_name"] if {
	lib.is_unknown(key)
} else := []
