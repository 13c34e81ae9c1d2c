# ENC-ELB-001: ALB and NLB listeners accept HTTPS or TLS; a plain HTTP listener only redirects to HTTPS.
package iacgate.rules.encryption.aws_tls_lb_listener_protocol

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

protocol := lib.attr("protocol")

# Plain protocols that a listener could replace with their TLS counterpart. UDP, TCP_UDP and GENEVE
# have none and are left alone.
plain_protocols := {"HTTP", "TCP"}

deny contains lib.violation(["protocol"], msg) if {
	is_string(protocol)
	upper(protocol) in plain_protocols
	not aws_tls.tls_listener_redirects_only
	msg := concat("", [
		"load balancer listener accepts unencrypted traffic: protocol is ", protocol,
		", required HTTPS or TLS (or HTTP whose every default action redirects to HTTPS)",
	])
}

# Left out, the protocol of an Application Load Balancer listener is HTTP.
deny contains lib.violation(["protocol"], msg) if {
	not lib.is_set(protocol)
	not aws_tls.tls_gateway_listener
	not aws_tls.tls_listener_redirects_only
	msg := concat("", [
		"load balancer listener accepts unencrypted traffic: protocol is not set (HTTP on an Application Load ",
		"Balancer), required HTTPS or TLS",
	])
}

deny contains lib.violation(["protocol"], msg) if {
	lib.is_unknown(protocol)
	msg := "load balancer listener protocol is unknown until apply, required HTTPS or TLS"
}
