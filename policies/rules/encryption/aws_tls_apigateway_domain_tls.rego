# ENC-APIGATEWAY-001: API Gateway custom domain names accept TLS 1.2 or later only.
package iacgate.rules.encryption.aws_tls_apigateway_domain_tls

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# REST APIs set security_policy on the domain name; HTTP and WebSocket APIs (apigatewayv2) in each
# domain_name_configuration block (CloudFormation DomainNameConfigurations).
policies contains {"path": ["security_policy"], "value": lib.attr("security_policy")} if {
	input.resource.type == "aws_api_gateway_domain_name"
}

policies contains {"path": array.concat(entry.path, ["security_policy"]), "value": value} if {
	input.resource.type == "aws_apigatewayv2_domain_name"
	some entry in aws_tls.tls_block_list(lib.attr("domain_name_configuration"), ["domain_name_configuration"])
	value := aws_tls.tls_get(entry.block, "security_policy")
}

# Left out, a custom domain name gets TLS_1_2: the default security policy of regional, edge-optimized and
# private domain names (HTTP and WebSocket APIs support TLS_1_2 only). Only a policy named is judged.
deny contains lib.violation(found.path, msg) if {
	some found in policies
	lib.is_set(found.value)
	not lib.is_unknown(found.value)
	not aws_tls.tls_current_apigateway_policy(found.value)
	msg := concat("", [
		"API Gateway custom domain accepts TLS older than 1.2: security_policy is ", lib.show(found.value),
		", required TLS_1_2 (or an enhanced SecurityPolicy_TLS13_* or SecurityPolicy_TLS12_* policy)",
	])
}

# A security policy (or its domain_name_configuration) unknown until apply: undetermined, never a pass.
deny contains lib.violation(found.path, msg) if {
	some found in policies
	lib.is_unknown(found.value)
	msg := "API Gateway custom domain TLS policy is unknown: security_policy is unknown until apply, required TLS_1_2 (or an enhanced SecurityPolicy_TLS13_* or SecurityPolicy_TLS12_* policy)"
}
