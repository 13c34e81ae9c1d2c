# ENC-AZDLS-001: Data Lake Store Gen1 accounts keep encryption at rest enabled.
package iacgate.rules.encryption.azrest_data_lake_store_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.datalakestore/accounts"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# encryption_state defaults to "Enabled" (ARM: properties.encryptionState): only "Disabled" fails.
disabled(value) if lower(lib.show(value)) == "disabled"

deny contains lib.violation(["encryption_state"], msg) if {
	not azapi.is_azapi
	disabled(lib.attr("encryption_state"))
	msg := "Data Lake Store account stores data unencrypted: encryption_state is Disabled, required Enabled"
}

deny contains lib.violation(["encryption_state"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("encryption_state"))
	msg := "Data Lake Store account encryption is unknown: encryption_state is unknown until apply, required Enabled"
}

deny contains lib.violation(azapi.body_path(["properties", "encryptionState"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "encryptionState"])
	disabled(value)
	msg := "Data Lake Store account stores data unencrypted: body.properties.encryptionState is Disabled, required Enabled"
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "encryptionState"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "encryptionState"])
	msg := "Data Lake Store account encryption is unknown: body.properties.encryptionState is unknown until apply, required Enabled"
}
