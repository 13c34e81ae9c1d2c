# ENC-GCPGKE-001: GKE clusters encrypt Kubernetes Secrets at the application layer with a Cloud KMS key.
package iacgate.rules.encryption.gcprest_gke_secrets_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

state := gcp.block_setting(lib.attrs, "database_encryption", "state")

key_name := gcp.block_setting(lib.attrs, "database_encryption", "key_name")

required := "required database_encryption with state ENCRYPTED and a Cloud KMS key_name"

# No database_encryption block: GKE keeps Secrets in etcd under Google's storage encryption only (the
# default, state DECRYPTED). A block unknown as a whole (a dynamic block, a variable) is reported at it.
deny contains lib.violation(path, msg) if {
	not gcp.has_block("database_encryption")
	path := gcp.gcp_setting_path("database_encryption", "state")
	msg := concat("", [
		"cluster keeps Kubernetes Secrets without application-layer encryption: database_encryption is ",
		gcp.gcp_setting_text("database_encryption", "state"), " (default state DECRYPTED), ", required,
	])
}

deny contains lib.violation(["database_encryption", 0, "state"], msg) if {
	is_string(state)
	upper(state) != "ENCRYPTED"
	msg := concat("", [
		"cluster keeps Kubernetes Secrets without application-layer encryption: database_encryption.state is ",
		state, ", ", required,
	])
}

# A state unknown until apply may be DECRYPTED: reported at its path (undetermined).
deny contains lib.violation(["database_encryption", 0, "state"], msg) if {
	gcp.has_block("database_encryption")
	not is_string(state)
	msg := concat("", [
		"cluster may keep Kubernetes Secrets without application-layer encryption: database_encryption.state is ",
		lib.show(state), ", ", required,
	])
}

deny contains lib.violation(["database_encryption", 0, "key_name"], msg) if {
	gcp.has_block("database_encryption")
	not gcp_gke_decrypted
	not lib.set_in_every_branch(key_name)
	msg := concat("", [
		"cluster Secrets encryption names no Cloud KMS key: database_encryption.key_name is ", lib.show(key_name),
		", ", required,
	])
}

gcp_gke_decrypted if {
	is_string(state)
	upper(state) != "ENCRYPTED"
}
