# SEC-STATE-007: a state backend talks TLS and verifies the server certificate: http (address,
# lock_address, unlock_address, skip_cert_verification), s3 (an http:// endpoint, insecure = true), consul
# (scheme or address http) and pg (sslmode=disable), as SEC-STATE-014 asks of terraform_remote_state.
package iacgate.rules.secrets_and_state.backend_http_tls

import data.iacgate.lib
import rego.v1

kind := lib.attr("backend")

deny contains {"not_applicable": true} if not kind in {"http", "s3", "consul", "pg"}

clear_url(value) if {
	is_string(value)
	startswith(lower(trim_space(value)), "http://")
}

in_clear(name) := concat("", ["state backend ", kind, " sends the state in clear: ", name, " is an http:// URL, required https://"])

addresses := {
	"http": ["address", "lock_address", "unlock_address"],
	"s3": ["endpoint"],
	"consul": ["address"],
}

deny contains lib.violation([name], in_clear(name)) if {
	some name in object.get(addresses, kind, [])
	clear_url(lib.attr(name))
}

# s3: endpoints.s3 (Terraform 1.6+), an object attribute of the backend block.
deny contains lib.violation(["endpoints", "s3"], in_clear("endpoints.s3")) if {
	kind == "s3"
	endpoints := lib.attr("endpoints")
	is_object(endpoints)
	clear_url(object.get(endpoints, "s3", null))
}

deny contains lib.violation(["skip_cert_verification"], msg) if {
	kind == "http"
	lib.is_true(lib.attr("skip_cert_verification"))
	msg := "state backend http does not verify the server certificate: skip_cert_verification is true, required false"
}

# s3: insecure = true lets the backend accept any certificate.
deny contains lib.violation(["insecure"], msg) if {
	kind == "s3"
	lib.is_true(lib.attr("insecure"))
	msg := "state backend s3 does not verify the server certificate: insecure is true, required false"
}

deny contains lib.violation(["scheme"], msg) if {
	kind == "consul"
	scheme := lib.attr("scheme")
	is_string(scheme)
	lower(scheme) == "http"
	msg := "state backend consul sends the state in clear: scheme is http, required https"
}

deny contains lib.violation(["conn_str"], msg) if {
	kind == "pg"
	value := lib.attr("conn_str")
	is_string(value)
	contains(lower(value), "sslmode=disable")
	msg := "state backend pg sends the state in clear: conn_str sets sslmode=disable, required TLS (sslmode=verify-full)"
}
