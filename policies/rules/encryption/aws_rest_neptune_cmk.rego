# ENC-NEPTUNE-002: Neptune clusters encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_neptune_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source("kms_key_arn", ["snapshot_identifier", "replication_source_identifier"], "Neptune cluster")
}
