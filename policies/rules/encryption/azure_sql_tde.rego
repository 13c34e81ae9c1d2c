# ENC-AZSQL-002: Azure SQL databases keep transparent data encryption on.
package iacgate.rules.encryption.azure_sql_tde

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

# transparent_data_encryption_enabled defaults to true: only an explicit false fails.
deny contains lib.violation(["transparent_data_encryption_enabled"], msg) if {
	not azapi.is_azapi
	lib.is_false(lib.attr("transparent_data_encryption_enabled"))
	msg := "SQL database stores data unencrypted: transparent_data_encryption_enabled is false, required true (the default)"
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["transparent_data_encryption_enabled"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("transparent_data_encryption_enabled"))
	msg := "SQL database encryption setting is unknown: transparent_data_encryption_enabled is unknown until apply, required true"
}

# azapi_resource of the ARM type Microsoft.Sql/servers/databases/transparentDataEncryption (the database's
# child "current"): properties.state, or properties.status in API version 2014-04-01, Enabled or Disabled.
# Azure turns TDE on for new databases, so only an explicit Disabled (or a value unknown until apply) fails.
arm_type := "microsoft.sql/servers/databases/transparentdataencryption"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

arm_path := ["properties", "status"] if {
	not lib.is_set(azapi.arm_value(["properties", "state"]))
	lib.is_set(azapi.arm_value(["properties", "status"]))
} else := ["properties", "state"]

arm_state := azapi.arm_value(arm_path)

deny contains lib.violation(azapi.body_path(arm_path), msg) if {
	azapi.of_type({arm_type})
	lower(lib.show(arm_state)) == "disabled"
	msg := concat("", ["SQL database stores data unencrypted: body.", concat(".", arm_path), " is Disabled, required Enabled (the default)"])
}

deny contains lib.violation(azapi.body_path(arm_path), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(arm_path)
	msg := concat("", ["SQL database encryption setting is unknown: body.", concat(".", arm_path), " is unknown until apply, required Enabled"])
}
