# ENC-DMS-002: DMS replication instances, and DMS Serverless replications, encrypt storage with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_dms_replication_instance_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	input.resource.type != "aws_dms_replication_config"
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", "DMS replication instance")
}

# DMS Serverless (aws_dms_replication_config; CloudFormation AWS::DMS::ReplicationConfig) provisions the
# replication's capacity itself: compute_config.kms_key_id encrypts its storage, the account's default
# aws/dms key when not set.
deny contains violation if {
	input.resource.type == "aws_dms_replication_config"
	some violation in aws_rest.rest_cmk_nested("compute_config", "kms_key_id", "DMS Serverless replication")
}
