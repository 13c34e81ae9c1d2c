# ENC-NEPTUNE-001: Neptune clusters encrypt their storage.
package iacgate.rules.encryption.aws_data_neptune_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_not_true("storage_encrypted", "Neptune cluster storage is not encrypted") if {
	not lib.is_true(lib.attr("storage_encrypted"))
}
