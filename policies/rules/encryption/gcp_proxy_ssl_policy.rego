# ENC-GCPSSL-003: HTTPS and SSL proxies name an SSL policy instead of Google's default one.
package iacgate.rules.encryption.gcp_proxy_ssl_policy

import data.iacgate.lib
import rego.v1

deny contains lib.violation([], msg) if {
	not lib.is_set(lib.attr("ssl_policy"))
	msg := "proxy negotiates with the Google default SSL policy (COMPATIBLE profile, TLS 1.0): ssl_policy is not set, required an SSL policy with min_tls_version TLS_1_2"
}
