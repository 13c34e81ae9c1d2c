package iacgate.rules.encryption.aws_tls_classic_elb_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_tls_classic_elb_listener as elb_rule
import data.iacgate.rules.encryption.aws_tls_classic_elb_negotiation as negotiation_rule
import rego.v1

test_http_listener_fails if {
	some result in elb_rule.deny with input.resource as testing.resource("aws_elb", {"listener": [
		{"lb_protocol": "https"},
		{"lb_protocol": "HTTP"},
	]})
		with input.related as []
	result.path == ["listener", 1, "lb_protocol"]
	contains(result.message, "protocol is HTTP")
}

test_https_and_ssl_pass if {
	count(elb_rule.deny) == 0 with input.resource as testing.resource("aws_elb", {"listener": [
		{"lb_protocol": "HTTPS"},
		{"lb_protocol": "SSL"},
	]})
		with input.related as []
}

test_cloudformation_tcp_fails if {
	some result in elb_rule.deny with input.resource as object.union(
		testing.resource("aws_elb", {"listeners": [{"protocol": "TCP"}]}),
		{"format": "cloudformation"},
	)
		with input.related as []
	result.path == ["listeners", 0, "protocol"]
}

tls_test_negotiation_policy(pairs) := testing.resource("aws_load_balancer_policy", {
	"policy_type_name": "SSLNegotiationPolicyType",
	"policy_attribute": pairs,
})

tls_test_https_elb(port) := testing.resource("aws_elb", {"listener": [{"lb_port": port, "lb_protocol": "HTTPS"}]})

test_outdated_reference_policy_fails if {
	some result in negotiation_rule.deny with input.resource as tls_test_negotiation_policy([
		{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-2016-08"},
	])
		with input.related as []
	result.path == ["policy_attribute", 0, "value"]
	contains(result.message, "Reference-Security-Policy is ELBSecurityPolicy-2016-08")
}

test_tlsv1_switched_on_fails if {
	some result in negotiation_rule.deny with input.resource as tls_test_negotiation_policy([
		{"name": "Protocol-TLSv1.2", "value": "true"},
		{"name": "Protocol-TLSv1", "value": "true"},
	])
		with input.related as []
	result.path == ["policy_attribute", 1, "value"]
}

test_tls12_reference_policy_passes if {
	count(negotiation_rule.deny) == 0 with input.resource as tls_test_negotiation_policy([
		{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"},
	])
		with input.related as []
}

test_https_listener_without_policy_fails if {
	some result in negotiation_rule.deny with input.resource as tls_test_https_elb(443)
		with input.related as []
	result.path == ["listener", 0]
}

test_https_listener_with_attached_policy_passes if {
	count(negotiation_rule.deny) == 0 with input.resource as tls_test_https_elb(443)
		with input.related as [testing.referrer(
			"aws_load_balancer_listener_policy", "load_balancer_name",
			{"load_balancer_port": 443, "policy_names": ["tls12"]},
		)]
}

test_policy_on_another_port_fails if {
	count(negotiation_rule.deny) == 1 with input.resource as tls_test_https_elb(443)
		with input.related as [testing.referrer(
			"aws_load_balancer_listener_policy", "load_balancer_name",
			{"load_balancer_port": 8443, "policy_names": ["tls12"]},
		)]
}

test_cloudformation_declared_policy_passes if {
	count(negotiation_rule.deny) == 0 with input.resource as object.union(
		testing.resource("aws_elb", {
			"listeners": [{"protocol": "HTTPS", "policy_names": ["tls"]}],
			"policies": [{"policy_name": "tls", "policy_type": "SSLNegotiationPolicyType", "attributes": [
				{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"},
			]}],
		}),
		{"format": "cloudformation"},
	)
		with input.related as []
}

test_cloudformation_listener_without_policy_fails if {
	some result in negotiation_rule.deny with input.resource as object.union(
		testing.resource("aws_elb", {"listeners": [{"protocol": "SSL"}]}),
		{"format": "cloudformation"},
	)
		with input.related as []
	result.path == ["listeners", 0]
}

test_negotiation_policy_with_a_weak_cipher_fails_at_the_cipher if {
	pairs := [
		{"name": "Protocol-TLSv1.2", "value": "true"},
		{"name": "ECDHE-RSA-AES128-GCM-SHA256", "value": "true"},
		{"name": "DES-CBC3-SHA", "value": "true"},
	]
	some result in negotiation_rule.deny with input.resource as tls_test_negotiation_policy(pairs)
		with input.related as []
	result.path == ["policy_attribute", 2, "value"]
	contains(result.message, "weak ciphers: DES-CBC3-SHA is true")
}

test_negotiation_policy_with_a_weak_cipher_switched_off_passes if {
	pairs := [
		{"name": "Protocol-TLSv1.2", "value": "true"},
		{"name": "ECDHE-RSA-AES128-GCM-SHA256", "value": "true"},
		{"name": "RC4-SHA", "value": "false"},
	]
	count(negotiation_rule.deny) == 0 with input.resource as tls_test_negotiation_policy(pairs)
		with input.related as []
}
