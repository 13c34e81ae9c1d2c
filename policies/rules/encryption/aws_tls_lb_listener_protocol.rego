# ENC-ELB-001: ALB and NLB listeners accept HTTPS or TLS; a plain HTTP listener only redirects to HTTPS.
package iacgate.rules.encryption.aws_tls_lb_listener_protocol

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

protocol := lib.attr("protocol")

# The plain protocol a listener could replace with its TLS counterpart.
plain_protocols := {"HTTP"}

# Listeners that pass bytes through without terminating them are not judged: a TCP listener may carry
# TLS end to end to its targets (TLS passthrough), which the load balancer cannot see, and UDP, TCP_UDP
# and GENEVE (Gateway Load Balancer) have no TLS counterpart. AWS Security Hub's ELB.1 likewise judges
# HTTP listeners only. (Classic Load Balancers' TCP listeners stay judged by ENC-ELB-003, as ELB.3 does.)
passthrough_protocols := {"TCP", "UDP", "TCP_UDP", "GENEVE"}

deny contains {"not_applicable": true} if {
	is_string(protocol)
	upper(protocol) in passthrough_protocols
}

# A Gateway Load Balancer listener has no protocol to set (GENEVE).
deny contains {"not_applicable": true} if {
	not lib.is_set(protocol)
	aws_tls.tls_gateway_listener
}

deny contains lib.violation(["protocol"], msg) if {
	is_string(protocol)
	upper(protocol) in plain_protocols
	not aws_tls.tls_listener_redirects_only
	not redirect_undecided
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
	not redirect_undecided
	msg := concat("", [
		"load balancer listener accepts unencrypted traffic: protocol is not set (HTTP on an Application Load ",
		"Balancer), required HTTPS or TLS",
	])
}

deny contains lib.violation(["protocol"], msg) if {
	lib.is_unknown(protocol)
	msg := "load balancer listener protocol is unknown until apply, required HTTPS or TLS"
}

# Whether a plain listener only redirects to HTTPS cannot be told: its default actions are unknown until
# apply as a whole, or an action (a CloudFormation Fn::If choosing it, a Pulumi output), an action's type,
# redirect block or redirect protocol is, and no known action forwards plain traffic. The finding points at the unknown value: undetermined, never failed or passed.
unknown_action_paths contains [name] if {
	some name in ["default_action", "default_actions"]
	lib.is_unknown(lib.attr(name))
}

unknown_action_paths contains path if {
	some name in ["default_action", "default_actions"]
	some i, action in lib.blocks(lib.attr(name))
	some path in action_unknown_paths(action, [name, i])
}

action_unknown_paths(action, at) := [at] if {
	lib.is_unknown(action)
} else := [array.concat(at, ["type"])] if {
	lib.is_unknown(object.get(action, "type", null))
} else := [full |
	kind := object.get(action, "type", "")
	is_string(kind)
	lower(kind) == "redirect"
	some key in ["redirect", "redirect_config"]
	redirect := object.get(action, key, null)
	some part in redirect_unknown_parts(redirect, key)
	full := array.concat(at, part)
]

redirect_unknown_parts(redirect, key) := [[key]] if {
	lib.is_unknown(redirect)
} else := [[key, 0, "protocol"]] if {
	is_array(redirect)
	count(redirect) > 0
	lib.is_unknown(object.get(redirect[0], "protocol", null))
} else := [[key, "protocol"]] if {
	is_object(redirect)
	lib.is_unknown(object.get(redirect, "protocol", null))
} else := []

# A known action that does not redirect to HTTPS decides the listener: it forwards plain traffic.
known_plain_action if {
	some name in ["default_action", "default_actions"]
	some i, action in lib.blocks(lib.attr(name))
	count(action_unknown_paths(action, [name, i])) == 0
	not aws_tls.tls_redirects_to_https(action)
}

redirect_undecided if {
	count(unknown_action_paths) > 0
	not known_plain_action
}

deny contains lib.violation(path, msg) if {
	plain_or_default
	redirect_undecided
	some path in unknown_action_paths
	msg := concat("", [
		"load balancer listener may accept unencrypted traffic: protocol is ", lib.show(protocol),
		" and whether its default actions redirect to HTTPS is unknown until apply, required HTTPS or TLS",
		" (or HTTP whose every default action redirects to HTTPS)",
	])
}

plain_or_default if {
	is_string(protocol)
	upper(protocol) in plain_protocols
}

plain_or_default if {
	not lib.is_set(protocol)
	not aws_tls.tls_gateway_listener
}
