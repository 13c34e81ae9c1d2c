# SEC-STATE-005: a gcs state backend encrypts the state with a Cloud KMS key.
package iacgate.rules.secrets_and_state.backend_gcs_kms

import data.iacgate.lib
import rego.v1

deny contains {"not_applicable": true} if lib.attr("backend") != "gcs"

deny contains lib.violation(["kms_encryption_key"], msg) if {
	lib.attr("backend") == "gcs"
	not lib.is_set(lib.attr("kms_encryption_key"))
	msg := "state backend gcs does not encrypt the state with a Cloud KMS key: kms_encryption_key is not set, required a Cloud KMS key name"
}
