# ENC-NEPTUNE-002: Neptune clusters encrypt storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_neptune_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# A cluster restored from a snapshot or to a point in time (CloudFormation SourceDBClusterIdentifier), or
# replicating another cluster, keeps its source's key when kms_key_arn is not set.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source("kms_key_arn", aws_rest.rest_rds_storage_sources("aws_neptune_cluster"), "Neptune cluster")
}
