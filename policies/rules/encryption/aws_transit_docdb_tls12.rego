# ENC-DOCDB-102: DocumentDB cluster parameter groups accept TLS 1.2 or later only (tls tls1.2+, tls1.3+ or
# fips-140-3).
package iacgate.rules.encryption.aws_transit_docdb_tls12

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import data.iacgate.lib.aws_transit
import rego.v1

# tls defaults to enabled, which accepts TLS 1.0 and 1.1: a group that leaves it out fails.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter("tls")
	not lib.is_unknown(lib.attr("parameter"))
	not transit_docdb_tls12(setting.value)
	msg := concat("", [
		"DocumentDB cluster parameter group accepts TLS older than 1.2: tls is ", lib.show(setting.value),
		aws_transit.transit_unset_note(setting.value, "enabled"), ", required tls1.2+, tls1.3+ or fips-140-3",
	])
}

deny contains lib.undetermined(["parameter"], "DocumentDB cluster parameter group parameters are unknown until apply: cannot tell the minimum TLS version") if {
	lib.is_unknown(lib.attr("parameter"))
}

transit_docdb_tls12(value) if {
	text := lib.tf_string(value)
	is_string(text)
	lower(text) in {"tls1.2+", "tls1.3+", "fips-140-3"}
}
