# ENC-OPENSEARCH-003: OpenSearch and Elasticsearch domains accept HTTPS only, with TLS 1.2 or later.
package iacgate.rules.encryption.aws_data_opensearch_https

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

tls12_policies := {"Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"}

# The AWS provider (Terraform, and Pulumi built on it) defaults enforce_https to true inside a written
# domain_endpoint_options block; CloudFormation and the API have no such default.
https_by_provider_default if {
	input.resource.format != "cloudformation"
	aws_data.data_first_block(lib.attr("domain_endpoint_options"), ["domain_endpoint_options"])
	not lib.is_set(aws_data.data_setting("domain_endpoint_options", "enforce_https").value)
}

deny contains aws_data.data_setting_not_true(setting, "domain_endpoint_options.enforce_https", msg) if {
	setting := aws_data.data_setting("domain_endpoint_options", "enforce_https")
	not lib.is_true(setting.value)
	not https_by_provider_default
	msg := "OpenSearch domain accepts plain HTTP"
}

# Left out, the policy is the service default, which still allows TLS 1.0 on older domains.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_data.data_setting("domain_endpoint_options", "tls_security_policy")
	not setting.value in tls12_policies
	not lib.is_unknown(setting.value)
	msg := concat("", [
		"OpenSearch domain accepts TLS older than 1.2: domain_endpoint_options.tls_security_policy is ",
		lib.show(setting.value), ", required ", concat(" or ", sort(tls12_policies)),
	])
}

# A policy unknown until apply: undetermined, never a pass.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_data.data_setting("domain_endpoint_options", "tls_security_policy")
	lib.is_unknown(setting.value)
	msg := concat("", [
		"OpenSearch domain TLS policy is unknown: domain_endpoint_options.tls_security_policy is unknown until apply, required ",
		concat(" or ", sort(tls12_policies)),
	])
}
