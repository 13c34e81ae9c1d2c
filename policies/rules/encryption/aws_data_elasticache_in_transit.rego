# ENC-ELASTICACHE-002: ElastiCache replication groups require TLS in transit.
package iacgate.rules.encryption.aws_data_elasticache_in_transit

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_not_true(
	"transit_encryption_enabled",
	"ElastiCache replication group accepts unencrypted connections",
) if {
	not lib.is_true(lib.attr("transit_encryption_enabled"))
}

# "preferred" is the migration mode: TLS is offered but clients may still connect in clear text.
deny contains lib.violation(["transit_encryption_mode"], msg) if {
	lib.is_true(lib.attr("transit_encryption_enabled"))
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
	lib.is_true(lib.attr("transit_encryption_enabled"))
	lib.is_unknown(lib.attr("transit_encryption_mode"))
	msg := "ElastiCache replication group transit encryption mode is unknown: transit_encryption_mode is unknown until apply, required required (or not set)"
}
