# SEC-STATE-007: an http state backend talks HTTPS and verifies the server certificate.
package iacgate.rules.secrets_and_state.backend_http_tls

import data.iacgate.lib
import rego.v1

deny contains {"not_applicable": true} if lib.attr("backend") != "http"

addresses := ["address", "lock_address", "unlock_address"]

deny contains lib.violation([name], msg) if {
	lib.attr("backend") == "http"
	some name in addresses
	value := lib.attr(name)
	is_string(value)
	startswith(lower(value), "http://")
	msg := concat("", ["state backend http sends the state in clear: ", name, " is an http:// URL, required https://"])
}

deny contains lib.violation(["skip_cert_verification"], msg) if {
	lib.attr("backend") == "http"
	lib.is_true(lib.attr("skip_cert_verification"))
	msg := "state backend http does not verify the server certificate: skip_cert_verification is true, required false"
}
