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

own := gcp.block_setting(lib.attrs, "encryption_configuration", "kms_key_name")

# A key a condition may leave unset (`c ? key : null`) is no key of its own: the table is judged on, and the
# finding points at the key (undetermined, never a pass).
own_key if lib.set_in_every_branch(own)

table_path := ["encryption_configuration", 0, "kms_key_name"] if {
	lib.is_unknown(own)
} else := ["encryption_configuration"]

# The dataset the table refers to (dataset_id = google_bigquery_dataset.x.dataset_id), when its default key
# can be read: a dataset of the configuration, or a data "google_bigquery_dataset" that a plan read (its
# default_encryption_configuration is there, empty when it has none). In the source, a data source holds
# only its own arguments: the dataset's key is not known, as for a dataset outside the configuration.
datasets := [dataset |
	some dataset in lib.referenced("google_bigquery_dataset")
	gcprest_table_dataset_read(dataset)
]

gcprest_table_dataset_read(dataset) if dataset.mode != "data"

gcprest_table_dataset_read(dataset) if object.get(dataset.attributes, "default_encryption_configuration", null) != null

# The dataset as a message names it: the data source that reads it, else the table's dataset_id.
dataset_name := source.id if {
	some source in lib.referenced("google_bigquery_dataset")
	source.mode == "data"
} else := lib.attr_text("dataset_id")

dataset_default(dataset) := gcp.block_setting(dataset.attributes, "default_encryption_configuration", "kms_key_name")

dataset_key(dataset) if lib.is_set(dataset_default(dataset))

concerned if {
	not gcp.has_block("view")
	not gcp.has_block("external_data_configuration")
	not own_key
}

deny contains lib.violation(table_path, msg) if {
	concerned
	some dataset in datasets
	not dataset_key(dataset)
	msg := concat("", ["table encrypts with a Google-managed key: encryption_configuration.kms_key_name is ", lib.show(own), " and its dataset ", dataset.id, " has no default_encryption_configuration.kms_key_name, required a Cloud KMS key (CMEK)"])
}

# The dataset's default key is chosen by a condition that may leave it unset: the answer is open.
deny contains lib.undetermined(table_path, msg) if {
	concerned
	some dataset in datasets
	lib.unknown_maybe_unset(dataset_default(dataset))
	msg := concat("", ["table may encrypt with a Google-managed key: encryption_configuration.kms_key_name is ", lib.show(own), " and the default_encryption_configuration.kms_key_name of its dataset ", dataset.id, " is unknown until apply, required a Cloud KMS key (CMEK)"])
}

# The dataset is not in the scanned configuration: its default key decides, so the answer is open.
deny contains lib.undetermined(table_path, msg) if {
	concerned
	count(datasets) == 0
	msg := concat("", ["table has no key of its own: encryption_configuration.kms_key_name is ", lib.show(own), " and its dataset ", dataset_name, " is not in the scanned configuration, required a Cloud KMS key (CMEK) on the table or as the dataset default"])
}
