# ENC-EBS-003: EBS snapshot copies are encrypted.
package iacgate.rules.encryption.aws_data_ebs_snapshot_copy

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_not_true("encrypted", "EBS snapshot copy is not declared encrypted") if {
	not lib.is_true(lib.attr("encrypted"))
}
