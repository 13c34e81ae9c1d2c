# ENC-ELB-002: HTTPS and TLS listeners negotiate TLS 1.2 or later (a current ELB security policy).
package iacgate.rules.encryption.aws_tls_lb_listener_policy

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

protocol := lib.attr("protocol")

policy := lib.attr("ssl_policy")

terminates_tls if {
	is_string(protocol)
	upper(protocol) in {"HTTPS", "TLS"}
}

deny contains lib.violation(["ssl_policy"], msg) if {
	terminates_tls
	not lib.is_unknown(policy)
	not aws_tls.tls_current_elb_policy(policy)
	msg := concat("", [
		"load balancer listener accepts TLS older than 1.2: ssl_policy is ", lib.show(policy),
		lib.when_not_set(policy, "ELBSecurityPolicy-2016-08"), ", required ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-* or -FS-1-2-*",
	])
}

# Values unknown until apply: a policy on a listener that terminates TLS, or a protocol on a listener
# without a current policy. Undetermined, never a pass.
deny contains lib.violation(["ssl_policy"], msg) if {
	terminates_tls
	lib.is_unknown(policy)
	msg := "load balancer listener security policy is unknown: ssl_policy is unknown until apply, required ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-* or -FS-1-2-*"
}

deny contains lib.violation(["protocol"], msg) if {
	lib.is_unknown(protocol)
	not aws_tls.tls_current_elb_policy(policy)
	msg := concat("", [
		"load balancer listener protocol is unknown: protocol is unknown until apply and ssl_policy is ", lib.show(policy),
		", required a current ELB security policy on HTTPS and TLS listeners",
	])
}
