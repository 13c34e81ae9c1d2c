# ENC-AZSYNAPSE-002: Synapse dedicated SQL pools encrypt their data (transparent data encryption).
package iacgate.rules.encryption.azrest_synapse_sql_pool_tde

import data.iacgate.lib
import rego.v1

# data_encrypted defaults to false.
deny contains lib.violation(["data_encrypted"], msg) if {
	value := lib.attr("data_encrypted")
	not lib.is_true(value)
	msg := concat("", ["Synapse SQL pool stores data unencrypted: data_encrypted is ", lib.show(value), ", required true"])
}
