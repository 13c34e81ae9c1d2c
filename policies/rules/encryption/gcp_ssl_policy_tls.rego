# ENC-GCPSSL-001: load-balancer SSL policies require TLS 1.2 or later.
package iacgate.rules.encryption.gcp_ssl_policy_tls

import data.iacgate.lib
import rego.v1

current := {"TLS_1_2", "TLS_1_3"}

deny contains lib.violation([], msg) if {
	not lib.is_set(lib.attr("min_tls_version"))
	msg := "SSL policy accepts TLS 1.0: min_tls_version is not set (default TLS_1_0), required TLS_1_2"
}

deny contains lib.violation(["min_tls_version"], msg) if {
	value := lib.attr("min_tls_version")
	lib.is_set(value)
	not lib.is_unknown(value)
	not value in current
	msg := concat("", ["SSL policy accepts TLS older than 1.2: min_tls_version is ", lib.show(value), ", required TLS_1_2"])
}

# Unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["min_tls_version"], msg) if {
	lib.is_unknown(lib.attr("min_tls_version"))
	msg := "SSL policy minimum TLS version is unknown: min_tls_version is unknown until apply, required TLS_1_2"
}
