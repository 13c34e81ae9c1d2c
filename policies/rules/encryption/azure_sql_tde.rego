# ENC-AZSQL-002: Azure SQL databases keep transparent data encryption on.
package iacgate.rules.encryption.azure_sql_tde

import data.iacgate.lib
import rego.v1

# transparent_data_encryption_enabled defaults to true: only an explicit false fails.
deny contains lib.violation(["transparent_data_encryption_enabled"], msg) if {
	lib.is_false(lib.attr("transparent_data_encryption_enabled"))
	msg := "SQL database stores data unencrypted: transparent_data_encryption_enabled is false, required true (the default)"
}

# A value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["transparent_data_encryption_enabled"], msg) if {
	lib.is_unknown(lib.attr("transparent_data_encryption_enabled"))
	msg := "SQL database encryption setting is unknown: transparent_data_encryption_enabled is unknown until apply, required true"
}
