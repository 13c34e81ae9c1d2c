# ENC-ELASTICACHE-002: ElastiCache replication groups (and Memcached clusters) require TLS in transit.
package iacgate.rules.encryption.aws_data_elasticache_in_transit

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

transit := lib.attr("transit_encryption_enabled")

engine := lib.attr("engine")

node_cluster if input.resource.type == "aws_elasticache_cluster"

memcached if {
	is_string(engine)
	lower(engine) == "memcached"
}

subject := "ElastiCache Memcached cluster accepts unencrypted connections" if {
	node_cluster
} else := "ElastiCache replication group accepts unencrypted connections"

# A node-based aws_elasticache_cluster can enable TLS only for Memcached (1.6.12 and later); a Redis OSS or
# Valkey node of a replication group (replication_group_id) takes the group's setting, which is judged on
# the group. Such clusters are not judged here.
deny contains {"not_applicable": true} if {
	node_cluster
	not memcached
	not engine_undecided
}

engine_undecided if {
	lib.is_unknown(engine)
	not lib.is_set(lib.attr("replication_group_id"))
}

# A secondary of a global datastore takes transit encryption from the global datastore's primary group.
deny contains {"not_applicable": true} if {
	not node_cluster
	lib.is_set(lib.attr("global_replication_group_id"))
	not lib.is_set(transit)
}

concerned if {
	node_cluster
	memcached
}

concerned if {
	not node_cluster
	not lib.is_set(lib.attr("global_replication_group_id"))
}

concerned if {
	not node_cluster
	lib.is_set(transit)
}

deny contains aws_data.data_not_true("transit_encryption_enabled", subject) if {
	concerned
	not lib.is_true(transit)
}

# A cluster whose engine is unknown until apply may be Memcached without TLS: undetermined, never a pass.
deny contains lib.violation(["engine"], msg) if {
	node_cluster
	engine_undecided
	not lib.is_true(transit)
	msg := concat("", [
		"ElastiCache cluster may accept unencrypted connections: engine is unknown until apply and transit_encryption_enabled is ",
		lib.show(transit), ", required transit_encryption_enabled = true for memcached",
	])
}

# "preferred" is the migration mode: TLS is offered but clients may still connect in clear text.
deny contains lib.violation(["transit_encryption_mode"], msg) if {
	lib.is_true(transit)
	mode := lib.attr("transit_encryption_mode")
	is_string(mode)
	lower(mode) == "preferred"
	msg := concat("", [
		"ElastiCache replication group accepts unencrypted connections: transit_encryption_mode is ",
		mode, ", required required (or not set)",
	])
}

# A mode unknown until apply may be "preferred": undetermined, never a pass.
deny contains lib.violation(["transit_encryption_mode"], msg) if {
	lib.is_true(transit)
	lib.is_unknown(lib.attr("transit_encryption_mode"))
	msg := "ElastiCache replication group transit encryption mode is unknown: transit_encryption_mode is unknown until apply, required required (or not set)"
}
