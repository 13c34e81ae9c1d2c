package iacgate.rules.encryption.aws_tls_lb_listener_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_tls_lb_listener_policy as policy_rule
import data.iacgate.rules.encryption.aws_tls_lb_listener_protocol as protocol_rule
import rego.v1

tls_test_listener(attributes) := testing.resource("aws_lb_listener", attributes)

tls_test_redirect(protocol) := [{"type": "redirect", "redirect": [{"port": "443", "protocol": protocol}]}]

test_http_forward_fails if {
	some result in protocol_rule.deny with input.resource as tls_test_listener({
		"protocol": "HTTP", "default_action": [{"type": "forward"}],
	})
		with input.related as []
	result.path == ["protocol"]
	contains(result.message, "protocol is HTTP")
}

test_missing_protocol_fails if {
	count(protocol_rule.deny) == 1 with input.resource as tls_test_listener({"default_action": [{"type": "forward"}]})
		with input.related as []
}

test_http_redirect_to_https_passes if {
	count(protocol_rule.deny) == 0 with input.resource as tls_test_listener({
		"protocol": "HTTP", "default_action": tls_test_redirect("HTTPS"),
	})
		with input.related as []
}

test_cloudformation_redirect_config_passes if {
	count(protocol_rule.deny) == 0 with input.resource as tls_test_listener({
		"protocol": "HTTP",
		"default_actions": [{"type": "redirect", "redirect_config": {"protocol": "HTTPS"}}],
	})
		with input.related as []
}

test_http_redirect_to_http_fails if {
	count(protocol_rule.deny) == 1 with input.resource as tls_test_listener({
		"protocol": "HTTP", "default_action": tls_test_redirect("HTTP"),
	})
		with input.related as []
}

test_gateway_listener_without_protocol_is_not_judged if {
	protocol_rule.deny == {{"not_applicable": true}} with input.resource as tls_test_listener({"default_action": [{"type": "forward"}]})
		with input.related as [{
			"direction": "out", "attribute": "load_balancer_arn",
			"resource": testing.resource("aws_lb", {"load_balancer_type": "gateway"}),
		}]
}

test_passthrough_listeners_are_not_judged if {
	every protocol in ["TCP", "tcp", "UDP", "TCP_UDP", "GENEVE"] {
		protocol_rule.deny == {{"not_applicable": true}} with input.resource as tls_test_listener({
			"protocol": protocol, "port": 5432, "default_action": [{"type": "forward"}],
		})
			with input.related as []
	}
}

test_tls_listener_passes_protocol if {
	count(protocol_rule.deny) == 0 with input.resource as tls_test_listener({"protocol": "TLS"})
		with input.related as []
}

test_old_policy_fails if {
	some result in policy_rule.deny with input.resource as tls_test_listener({
		"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08",
	})
		with input.related as []
	result.path == ["ssl_policy"]
	contains(result.message, "ssl_policy is ELBSecurityPolicy-2016-08")
}

test_missing_policy_fails if {
	count(policy_rule.deny) == 1 with input.resource as tls_test_listener({"protocol": "TLS"})
		with input.related as []
}

test_tls13_policy_passes if {
	count(policy_rule.deny) == 0 with input.resource as tls_test_listener({
		"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
	})
		with input.related as []
}

test_http_listener_has_no_policy_finding if {
	count(policy_rule.deny) == 0 with input.resource as tls_test_listener({"protocol": "HTTP"})
		with input.related as []
}

# Whether a plain HTTP listener only redirects to HTTPS is unknown until apply: undetermined at the unknown
# value, unless a known action forwards plain traffic (then it fails at protocol).
test_http_with_unknown_redirect_is_reported_at_the_unknown if {
	some whole in protocol_rule.deny with input.resource as tls_test_listener({"protocol": "HTTP", "default_action": testing.unknown})
		with input.related as []
	whole.path == ["default_action"]
	some redirect in protocol_rule.deny with input.resource as tls_test_listener({"protocol": "HTTP", "default_action": tls_test_redirect(testing.unknown)})
		with input.related as []
	redirect.path == ["default_action", 0, "redirect", 0, "protocol"]
	some kind in protocol_rule.deny with input.resource as tls_test_listener({"protocol": "HTTP", "default_action": [{"type": testing.unknown}]})
		with input.related as []
	kind.path == ["default_action", 0, "type"]
	some forward in protocol_rule.deny with input.resource as tls_test_listener({
		"protocol": "HTTP", "default_action": [{"type": "forward"}, {"type": testing.unknown}],
	})
		with input.related as []
	forward.path == ["protocol"]
}

# One default action unknown as a whole (a CloudFormation Fn::If choosing the action, a Pulumi output):
# it may redirect to HTTPS, so the plain listener is reported at that action (undetermined), not failed at
# protocol.
test_http_with_an_unknown_action_is_reported_at_the_action if {
	results := protocol_rule.deny with input.resource as tls_test_listener({"protocol": "HTTP", "default_actions": [testing.unknown]})
		with input.related as []
	count(results) == 1
	some result in results
	result.path == ["default_actions", 0]
}
