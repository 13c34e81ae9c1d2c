# ENC-GCPAR-001: Artifact Registry repositories encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_artifact_registry_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp_cmek
import rego.v1

key_paths := [["kms_key_name"]]

# A virtual repository stores nothing (it fronts other repositories): not concerned.
virtual if lower(lib.show(lib.attr("mode"))) == "virtual_repository"

deny contains {"not_applicable": true} if virtual

# A mode unknown until apply (mode = var.x) may be VIRTUAL_REPOSITORY, which is not concerned: a missing key
# is then reported at the mode (undetermined), never failed.
gcprest_ar_path := ["mode"] if {
	lib.is_unknown(lib.attr("mode"))
} else := gcp_cmek.finding_path(["kms_key_name"])

deny contains lib.violation(gcprest_ar_path, msg) if {
	not virtual
	not gcp_cmek.key_set(key_paths)
	msg := concat("", ["Artifact Registry repository encrypts with a Google-managed key: kms_key_name is ", gcp_cmek.value_text(["kms_key_name"]), ", required a Cloud KMS key (CMEK)"])
}
