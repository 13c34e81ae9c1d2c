# ENC-ELASTICACHE-001: ElastiCache replication groups encrypt data at rest.
package iacgate.rules.encryption.aws_data_elasticache_at_rest

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

at_rest := lib.attr("at_rest_encryption_enabled")

engine := lib.attr("engine")

# Valkey replication groups are encrypted at rest when at_rest_encryption_enabled is left out (the API
# and provider default is true for valkey, false for redis, the engine's default).
valkey if {
	is_string(engine)
	lower(engine) == "valkey"
}

# A secondary of a global datastore takes its encryption from the global datastore's primary group, which
# is judged itself; the secondary does not choose it.
secondary if lib.is_set(lib.attr("global_replication_group_id"))

deny contains {"not_applicable": true} if {
	secondary
	not lib.is_set(at_rest)
}

deny contains aws_data.data_not_true(
	"at_rest_encryption_enabled",
	"ElastiCache replication group does not encrypt data at rest",
) if {
	not secondary
	not lib.is_true(at_rest)
	not valkey_default
	not engine_undecided
}

engine_undecided if {
	not lib.is_set(at_rest)
	lib.is_unknown(engine)
}

valkey_default if {
	valkey
	not lib.is_set(at_rest)
}

# Left out with an engine unknown until apply: valkey would encrypt, redis would not.
deny contains lib.violation(["engine"], msg) if {
	not secondary
	engine_undecided
	msg := "ElastiCache replication group may not encrypt data at rest: at_rest_encryption_enabled is not set and engine is unknown until apply, required at_rest_encryption_enabled = true (the default only for valkey)"
}
