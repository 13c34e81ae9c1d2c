# ENC-GCPBQ-002: BigQuery tables encrypt with a customer-managed Cloud KMS key (CMEK), their own or their
# dataset's default.
package iacgate.rules.encryption.gcprest_bigquery_table_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# Views store no data; external tables keep theirs in Cloud Storage or elsewhere (judged there).
deny contains {"not_applicable": true} if {
	some name in ["view", "external_data_configuration"]
	gcp.has_block(name)
}

own_key if lib.is_set(gcp.block_setting(lib.attrs, "encryption_configuration", "kms_key_name"))

# The dataset the table refers to (dataset_id = google_bigquery_dataset.x.dataset_id).
datasets := lib.referenced("google_bigquery_dataset")

dataset_key(dataset) if lib.is_set(gcp.block_setting(dataset.attributes, "default_encryption_configuration", "kms_key_name"))

concerned if {
	not gcp.has_block("view")
	not gcp.has_block("external_data_configuration")
	not own_key
}

deny contains lib.violation(["encryption_configuration"], msg) if {
	concerned
	some dataset in datasets
	not dataset_key(dataset)
	msg := concat("", ["table encrypts with a Google-managed key: encryption_configuration.kms_key_name is not set and its dataset ", dataset.id, " has no default_encryption_configuration.kms_key_name, required a Cloud KMS key (CMEK)"])
}

# The dataset is not in the scanned configuration: its default key decides, so the answer is open.
deny contains lib.undetermined(["encryption_configuration"], msg) if {
	concerned
	count(datasets) == 0
	msg := concat("", ["table has no key of its own: encryption_configuration.kms_key_name is not set and its dataset ", lib.attr_text("dataset_id"), " is not in the scanned configuration, required a Cloud KMS key (CMEK) on the table or as the dataset default"])
}
