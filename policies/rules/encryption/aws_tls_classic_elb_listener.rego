# ENC-ELB-003: every listener of a classic load balancer accepts HTTPS or SSL.
package iacgate.rules.encryption.aws_tls_classic_elb_listener

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# Listeners with the name of their front-end protocol: Terraform and Pulumi listener {lb_protocol},
# CloudFormation Listeners[] {Protocol}.
listeners contains {"path": array.concat(entry.path, ["lb_protocol"]), "value": aws_tls.tls_get(entry.block, "lb_protocol")} if {
	some entry in aws_tls.tls_block_list(lib.attr("listener"), ["listener"])
}

listeners contains {"path": array.concat(entry.path, ["protocol"]), "value": aws_tls.tls_get(entry.block, "protocol")} if {
	input.resource.format == "cloudformation"
	some entry in aws_tls.tls_block_list(lib.attr("listeners"), ["listeners"])
}

deny contains lib.violation(listener.path, msg) if {
	some listener in listeners
	not lib.is_unknown(listener.value)
	not upper(sprintf("%v", [listener.value])) in {"HTTPS", "SSL"}
	msg := concat("", [
		"classic load balancer listener accepts unencrypted traffic: protocol is ", lib.show(listener.value),
		", required HTTPS or SSL",
	])
}

# Listeners or a protocol unknown until apply: undetermined, never a pass.
deny contains lib.violation(listener.path, msg) if {
	some listener in listeners
	lib.is_unknown(listener.value)
	msg := "classic load balancer listener protocol is unknown: protocol is unknown until apply, required HTTPS or SSL"
}
