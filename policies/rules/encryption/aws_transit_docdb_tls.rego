# ENC-DOCDB-101: DocumentDB cluster parameter groups keep TLS required (parameter tls not disabled).
package iacgate.rules.encryption.aws_transit_docdb_tls

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# tls defaults to enabled: only a group that switches it off (or sets it to a value not known statically)
# is judged; the parameters themselves unknown until apply are undetermined, never a pass.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter("tls")
	lib.is_set(setting.value)
	not transit_docdb_tls_on(setting.value)
	msg := concat("", [
		"DocumentDB cluster parameter group accepts unencrypted connections: tls is ", lib.show(setting.value),
		", required enabled, tls1.2+, tls1.3+ or fips-140-3",
	])
}

deny contains lib.undetermined(["parameter"], "DocumentDB cluster parameter group parameters are unknown until apply: cannot tell whether tls is disabled") if {
	lib.is_unknown(lib.attr("parameter"))
}

transit_docdb_tls_on(value) if {
	text := lib.tf_string(value)
	is_string(text)
	lower(text) in {"enabled", "tls1.2+", "tls1.3+", "fips-140-3"}
}
