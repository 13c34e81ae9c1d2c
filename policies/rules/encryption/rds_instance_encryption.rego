# ENC-RDS-001: RDS DB instances encrypt their storage.
package iacgate.rules.encryption.rds_instance_encryption

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["storage_encrypted"], msg) if {
	not lib.is_true(lib.attr("storage_encrypted"))
	msg := sprintf("RDS DB instance storage is not encrypted: storage_encrypted is %s, required true", [lib.attr_text("storage_encrypted")])
}
