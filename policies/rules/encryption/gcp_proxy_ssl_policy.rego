# ENC-GCPSSL-003: HTTPS and SSL proxies name an SSL policy instead of Google's default one.
package iacgate.rules.encryption.gcp_proxy_ssl_policy

import data.iacgate.lib
import rego.v1

ssl_policy := lib.attr("ssl_policy")

# A policy a condition may leave unset (`c ? policy : null`) is reported at its path: undetermined.
deny contains lib.violation(path, msg) if {
	not lib.set_in_every_branch(ssl_policy)
	path := gcp_proxy_ssl_path
	msg := concat("", [
		"proxy negotiates with the Google default SSL policy (COMPATIBLE profile, TLS 1.0): ssl_policy is ",
		lib.show(ssl_policy), ", required an SSL policy with min_tls_version TLS_1_2",
	])
}

gcp_proxy_ssl_path := ["ssl_policy"] if {
	lib.is_unknown(ssl_policy)
} else := []
