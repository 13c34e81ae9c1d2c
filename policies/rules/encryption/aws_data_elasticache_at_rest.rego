# ENC-ELASTICACHE-001: ElastiCache replication groups encrypt data at rest.
package iacgate.rules.encryption.aws_data_elasticache_at_rest

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_not_true(
	"at_rest_encryption_enabled",
	"ElastiCache replication group does not encrypt data at rest",
) if {
	not lib.is_true(lib.attr("at_rest_encryption_enabled"))
}
