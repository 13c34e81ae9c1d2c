# ENC-ELASTICACHE-003: ElastiCache replication groups and serverless caches encrypt at rest with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_elasticache_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# A serverless cache always encrypts at rest: without kms_key_id, under a key of the service.
subject := "ElastiCache serverless cache" if {
	input.resource.type == "aws_elasticache_serverless_cache"
} else := "ElastiCache replication group"

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", subject)
}
