# ENC-EFS-001: EFS file systems are encrypted at rest.
package iacgate.rules.encryption.aws_data_efs_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_not_true("encrypted", "EFS file system is not encrypted at rest") if {
	not lib.is_true(lib.attr("encrypted"))
}
