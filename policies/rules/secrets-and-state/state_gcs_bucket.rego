# SEC-STATE-012: the Cloud Storage bucket a Terraform gcs backend keeps its state in protects it.
package iacgate.rules.secrets_and_state.state_gcs_bucket

import data.iacgate.lib
import rego.v1

state_bucket if {
	some backend in lib.referrers("terraform_backend")
	object.get(backend.attributes, "backend", null) == "gcs"
}

deny contains {"not_applicable": true} if not state_bucket

versioned if {
	some block in lib.attr_blocks("versioning")
	lib.is_true(object.get(block, "enabled", null))
}

customer_key if {
	some block in lib.attr_blocks("encryption")
	lib.is_set(object.get(block, "default_kms_key_name", null))
}

logged if {
	some block in lib.attr_blocks("logging")
	lib.is_set(object.get(block, "log_bucket", null))
}

deny contains lib.violation(lib.missing_block_path("versioning"), msg) if {
	state_bucket
	not versioned
	msg := "Cloud Storage bucket holding Terraform state keeps no versions: versioning.enabled is not true, required true so an overwritten state can be restored"
}

deny contains lib.violation(lib.missing_block_path("encryption"), msg) if {
	state_bucket
	not customer_key
	msg := "Cloud Storage bucket holding Terraform state is not encrypted with a Cloud KMS key: encryption.default_kms_key_name is not set, required a Cloud KMS key"
}

deny contains lib.violation(["public_access_prevention"], msg) if {
	state_bucket
	lib.attr("public_access_prevention") != "enforced"
	msg := concat("", [
		"Cloud Storage bucket holding Terraform state does not prevent public access: public_access_prevention is ",
		lib.attr_text("public_access_prevention"), ", required enforced",
	])
}

deny contains lib.violation(lib.missing_block_path("logging"), msg) if {
	state_bucket
	not logged
	msg := "Cloud Storage bucket holding Terraform state records no access: logging.log_bucket is not set, required usage logging to a log bucket"
}
