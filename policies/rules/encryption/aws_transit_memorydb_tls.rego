# ENC-MEMORYDB-101: MemoryDB clusters keep in-transit encryption (TLS) on.
package iacgate.rules.encryption.aws_transit_memorydb_tls

import data.iacgate.lib
import rego.v1

# tls_enabled defaults to true: only an explicit false (or a value not known statically) is judged.
deny contains lib.violation(["tls_enabled"], msg) if {
	value := lib.attr("tls_enabled")
	lib.is_set(value)
	not lib.is_true(value)
	msg := concat("", ["MemoryDB cluster accepts unencrypted connections: tls_enabled is ", lib.show(value), ", required true"])
}
