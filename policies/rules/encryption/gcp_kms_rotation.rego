# ENC-GCPKMS-001: Cloud KMS symmetric keys rotate automatically at least every 90 days.
package iacgate.rules.encryption.gcp_kms_rotation

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

max_seconds := 7776000 # 90 days

# Only symmetric encryption keys rotate automatically; signing, asymmetric and MAC keys cannot.
symmetric if {
	purpose := lib.attr("purpose")
	not lib.is_set(purpose)
}

symmetric if lib.attr("purpose") == "ENCRYPT_DECRYPT"

# Keys whose material Cloud KMS does not generate cannot rotate automatically either: imported keys
# (import_only) and Cloud EKM keys (protection level EXTERNAL or EXTERNAL_VPC) are rotated by hand.
external_material if lib.is_true(lib.attr("import_only"))

external_material if {
	some template in lib.attr_blocks("version_template")
	object.get(template, "protection_level", "") in {"EXTERNAL", "EXTERNAL_VPC"}
}

rotates_automatically if {
	symmetric
	not external_material
}

# Keys Cloud KMS cannot rotate automatically (asymmetric and MAC keys, imported and Cloud EKM keys) are not
# concerned: no check, rather than a pass. A purpose unknown until apply may be ENCRYPT_DECRYPT: judged.
deny contains {"not_applicable": true} if {
	not rotates_automatically
	not gcp_kms_purpose_undecided
}

gcp_kms_purpose_undecided if {
	lib.is_unknown(lib.attr("purpose"))
	not external_material
}

deny contains lib.violation(gcp_kms_missing_path, msg) if {
	rotates_automatically
	not lib.is_set(lib.attr("rotation_period"))
	msg := "KMS key never rotates: rotation_period is not set, required at most 7776000s (90 days)"
}

# Whether the key material is imported or external may itself be unknown until apply (import_only = var.x,
# protection_level = var.y): such a key may be exempt, so a missing rotation_period is reported at that
# value (undetermined), never failed. Otherwise the finding names the resource.
gcp_kms_missing_path := ["import_only"] if {
	lib.is_unknown(lib.attr("import_only"))
} else := ["version_template", index, "protection_level"] if {
	some index, template in lib.attr_blocks("version_template")
	lib.is_unknown(object.get(template, "protection_level", null))
} else := ["version_template"] if {
	# A version_template unknown as a whole (a dynamic block over an unknown collection). In a plan it is the
	# block the provider computes where the configuration writes none (lib.missing_block_path): not set.
	lib.is_unknown(lib.attr("version_template"))
	input.resource.format != "terraform-plan"
} else := []

deny contains lib.violation(["rotation_period"], msg) if {
	rotates_automatically
	value := lib.attr("rotation_period")
	not lib.is_unknown(value)
	lib.is_set(value)
	not within_limit(value)
	msg := concat("", ["KMS key rotates too seldom: rotation_period is ", lib.show(value), ", required at most 7776000s (90 days)"])
}

within_limit(value) if gcp.duration_seconds(value) <= max_seconds

# Values unknown until apply cannot be judged: undetermined, never a pass. A rotation period unknown, or a
# purpose unknown (an ENCRYPT_DECRYPT key must rotate) on a key that does not rotate within 90 days.
deny contains lib.violation(["rotation_period"], msg) if {
	rotates_automatically
	lib.is_unknown(lib.attr("rotation_period"))
	msg := "KMS key rotation period is unknown: rotation_period is unknown until apply, required at most 7776000s (90 days)"
}

deny contains lib.violation(["purpose"], msg) if {
	lib.is_unknown(lib.attr("purpose"))
	not external_material
	not rotation_within_limit
	msg := concat("", ["KMS key purpose is unknown: purpose is unknown until apply (an ENCRYPT_DECRYPT key must rotate) and rotation_period is ", lib.attr_text("rotation_period"), ", required at most 7776000s (90 days)"])
}

rotation_within_limit if {
	value := lib.attr("rotation_period")
	lib.is_set(value)
	not lib.is_unknown(value)
	within_limit(value)
}
