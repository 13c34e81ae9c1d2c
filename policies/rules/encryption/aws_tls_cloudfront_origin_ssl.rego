# ENC-CLOUDFRONT-004: CloudFront offers custom origins TLS 1.2 only.
package iacgate.rules.encryption.aws_tls_cloudfront_origin_ssl

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

outdated := {"SSLv3", "TLSv1", "TLSv1.1"}

# The custom origins CloudFront may reach over TLS. An origin it reaches over plain HTTP only
# (origin_protocol_policy http-only) negotiates no TLS, so its protocol list offers nothing: ENC-CLOUDFRONT-003
# fails it, and it is not reported here a second time.
tls_origins contains origin if {
	some origin in aws_tls.tls_cf_custom_origins
	not http_only(origin.block)
}

http_only(block) if {
	policy := aws_tls.tls_get(block, "origin_protocol_policy")
	is_string(policy)
	lower(policy) == "http-only"
}

deny contains lib.violation(array.concat(origin.path, ["origin_ssl_protocols", i]), msg) if {
	some origin in tls_origins
	protocols := object.get(origin.block, "origin_ssl_protocols", [])
	is_array(protocols)
	some i, protocol in protocols
	protocol in outdated
	msg := concat("", [
		"CloudFront may reach a custom origin over old TLS: origin_ssl_protocols holds ", protocol,
		", required TLSv1.2 only",
	])
}

# An origin, its custom_origin_config, its protocol list or one protocol unknown until apply: undetermined.
deny contains lib.violation(array.concat(origin.path, ["origin_ssl_protocols"]), msg) if {
	some origin in tls_origins
	lib.is_unknown(aws_tls.tls_get(origin.block, "origin_ssl_protocols"))
	msg := "CloudFront origin TLS versions are unknown: origin_ssl_protocols is unknown until apply, required TLSv1.2 only"
}

deny contains lib.violation(array.concat(origin.path, ["origin_ssl_protocols", i]), msg) if {
	some origin in tls_origins
	protocols := object.get(origin.block, "origin_ssl_protocols", [])
	is_array(protocols)
	some i, protocol in protocols
	lib.is_unknown(protocol)
	msg := "CloudFront origin TLS versions are unknown: a protocol in origin_ssl_protocols is unknown until apply, required TLSv1.2 only"
}

# CloudFormation alone makes OriginSSLProtocols optional, and left out it offers the origin TLSv1 and
# SSLv3 (Terraform and Pulumi require the list).
deny contains lib.violation(array.concat(origin.path, ["origin_ssl_protocols"]), msg) if {
	input.resource.format == "cloudformation"
	some origin in tls_origins
	not lib.is_unknown(origin.block)
	value := object.get(origin.block, "origin_ssl_protocols", null)
	not lib.is_set(value)
	msg := concat("", [
		"CloudFront may reach a custom origin over old TLS: origin_ssl_protocols is ", lib.show(value),
		lib.when_not_set(value, "TLSv1 and SSLv3"), ", required TLSv1.2 only",
	])
}
