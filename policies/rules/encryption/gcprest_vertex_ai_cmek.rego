# ENC-GCPVERTEX-001: Vertex AI datasets, metadata stores, featurestores and tensorboards encrypt with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_vertex_ai_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp_cmek
import rego.v1

key_paths := [["encryption_spec", "kms_key_name"]]

deny contains lib.violation(gcp_cmek.finding_path(["encryption_spec", "kms_key_name"]), msg) if {
	not gcp_cmek.key_set(key_paths)
	msg := concat("", ["Vertex AI resource encrypts with a Google-managed key: encryption_spec.kms_key_name is ", gcp_cmek.value_text(["encryption_spec", "kms_key_name"]), ", required a Cloud KMS key (CMEK)"])
}
