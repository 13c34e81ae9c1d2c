# ENC-ELB-004: classic load balancer HTTPS and SSL listeners negotiate TLS 1.2 or later, without weak ciphers.
package iacgate.rules.encryption.aws_tls_classic_elb_negotiation

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

negotiation_type := "SSLNegotiationPolicyType"

message(text) := concat("", ["classic load balancer accepts TLS older than 1.2: ", text])

# --- The policy itself: Terraform and Pulumi aws_load_balancer_policy, CloudFormation Policies[] ---

policy_attributes contains {"pairs": pairs, "path": [name]} if {
	input.resource.type == "aws_load_balancer_policy"
	lib.attr("policy_type_name") == negotiation_type
	some name in ["policy_attribute", "policy_attributes"]
	pairs := lib.attr_blocks(name)
}

# Terraform's aws_lb_ssl_negotiation_policy (Pulumi elb.SslNegotiationPolicy) is always of that type: its
# attribute blocks (Pulumi attributes) hold the same name/value pairs.
policy_attributes contains {"pairs": pairs, "path": [name]} if {
	input.resource.type == "aws_lb_ssl_negotiation_policy"
	some name in ["attribute", "attributes"]
	pairs := lib.attr_blocks(name)
}

policy_attributes contains {"pairs": lib.blocks(object.get(policy, "attributes", [])), "path": ["policies", i, "attributes"]} if {
	input.resource.type == "aws_elb"
	some i, policy in lib.attr_blocks("policies")
	object.get(policy, "policy_type", "") == negotiation_type
}

deny contains lib.violation(fault.path, fault_message(fault)) if {
	some entry in policy_attributes
	some fault in aws_tls.tls_negotiation_faults(entry.pairs, entry.path)
}

fault_message(fault) := concat("", ["classic load balancer offers weak ciphers: ", fault.text]) if {
	fault.cipher
} else := message(fault.text)

# --- Listeners left on the default policy, ELBSecurityPolicy-2016-08 (which accepts TLS 1.0) ---

default_text := "the listener has no SSL negotiation policy, so the default ELBSecurityPolicy-2016-08 applies, required a policy with TLS 1.2 or later"

# Terraform and Pulumi attach policies with an aws_load_balancer_listener_policy naming the balancer and port.
deny contains lib.violation(["listener", i], message(default_text)) if {
	input.resource.type == "aws_elb"
	some i, listener in lib.attr_blocks("listener")
	upper(sprintf("%v", [object.get(listener, "lb_protocol", "")])) in {"HTTPS", "SSL"}
	not attached(object.get(listener, "lb_port", null))
}

attached(port) if {
	some policy in lib.referrers_via("aws_load_balancer_listener_policy", "load_balancer_name")
	policy_port := object.get(policy.attributes, "load_balancer_port", null)
	same_port(policy_port, port)
}

# ... or an aws_lb_ssl_negotiation_policy naming the balancer and port sets the listener's negotiation itself.
attached(port) if {
	some policy in lib.referrers_via("aws_lb_ssl_negotiation_policy", "load_balancer")
	policy_port := object.get(policy.attributes, "lb_port", null)
	same_port(policy_port, port)
}

same_port(a, b) if sprintf("%v", [a]) == sprintf("%v", [b])

same_port(a, _) if lib.is_unknown(a)

same_port(_, b) if lib.is_unknown(b)

# CloudFormation names the listener's policies in Listeners[].PolicyNames: one of them must be a declared
# negotiation policy (judged above) or a predefined current one.
deny contains lib.violation(["listeners", i], message(default_text)) if {
	input.resource.format == "cloudformation"
	some i, listener in lib.attr_blocks("listeners")
	upper(sprintf("%v", [object.get(listener, "protocol", "")])) in {"HTTPS", "SSL"}
	not negotiates(object.get(listener, "policy_names", []))
}

declared_negotiation_policies contains object.get(policy, "policy_name", "") if {
	some policy in lib.attr_blocks("policies")
	object.get(policy, "policy_type", "") == negotiation_type
}

negotiates(names) if {
	is_array(names)
	some name in names
	name in declared_negotiation_policies
}

negotiates(names) if {
	is_array(names)
	some name in names
	aws_tls.tls_current_elb_policy(name)
}

# Attributes, policies or listeners unknown until apply (a variable, a dynamic block): undetermined,
# never a pass.
deny contains lib.violation([name], unknown_message(concat("", [name, " is unknown until apply, required a policy with TLS 1.2 or later"]))) if {
	input.resource.type == "aws_load_balancer_policy"
	lib.attr("policy_type_name") == negotiation_type
	some name in ["policy_attribute", "policy_attributes"]
	lib.is_unknown(lib.attr(name))
}

deny contains lib.violation([name], unknown_message(concat("", [name, " is unknown until apply, required a policy with TLS 1.2 or later"]))) if {
	input.resource.type == "aws_lb_ssl_negotiation_policy"
	some name in ["attribute", "attributes"]
	lib.is_unknown(lib.attr(name))
}

deny contains lib.violation(["policies", i, "attributes"], unknown_message("policies.attributes is unknown until apply, required a policy with TLS 1.2 or later")) if {
	input.resource.type == "aws_elb"
	some i, policy in lib.attr_blocks("policies")
	object.get(policy, "policy_type", "") == negotiation_type
	lib.is_unknown(object.get(policy, "attributes", []))
}

deny contains lib.violation([name], unknown_message(concat("", [name, " is unknown until apply, required HTTPS and SSL listeners with a policy with TLS 1.2 or later"]))) if {
	input.resource.type == "aws_elb"
	some name in ["listener", "listeners", "policies"]
	lib.is_unknown(lib.attr(name))
}

unknown_message(text) := concat("", ["classic load balancer TLS negotiation is unknown: ", text])
