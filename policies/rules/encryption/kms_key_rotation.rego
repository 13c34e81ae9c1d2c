# ENC-KMS-001: Symmetric customer-managed KMS keys rotate automatically.
package iacgate.rules.encryption.kms_key_rotation

import data.iacgate.lib
import rego.v1

# AWS rotates only symmetric encryption keys with key material it generated: not asymmetric or HMAC
# keys, not keys in a custom key store.
rotatable if {
	spec := lib.attr("customer_master_key_spec")
	not lib.is_set(spec)
	not lib.is_set(lib.attr("custom_key_store_id"))
}

rotatable if {
	lib.attr("customer_master_key_spec") == "SYMMETRIC_DEFAULT"
	not lib.is_set(lib.attr("custom_key_store_id"))
}

deny contains lib.violation(["enable_key_rotation"], msg) if {
	rotatable
	not lib.is_true(lib.attr("enable_key_rotation"))
	msg := sprintf("symmetric KMS key does not rotate automatically: enable_key_rotation is %s, required true", [lib.attr_text("enable_key_rotation")])
}

# A key spec unknown until apply may be SYMMETRIC_DEFAULT: a key that does not rotate is undetermined.
deny contains lib.violation(["customer_master_key_spec"], msg) if {
	lib.is_unknown(lib.attr("customer_master_key_spec"))
	not lib.is_set(lib.attr("custom_key_store_id"))
	not lib.is_true(lib.attr("enable_key_rotation"))
	msg := sprintf("KMS key spec is unknown until apply: customer_master_key_spec may be SYMMETRIC_DEFAULT and enable_key_rotation is %s, required true", [lib.attr_text("enable_key_rotation")])
}
