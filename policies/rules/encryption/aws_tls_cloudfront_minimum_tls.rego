# ENC-CLOUDFRONT-002: a CloudFront distribution with custom domain names uses its own certificate and
# accepts viewers on TLS 1.2 or later.
package iacgate.rules.encryption.aws_tls_cloudfront_minimum_tls

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# The default *.cloudfront.net certificate always accepts TLS 1.0; on a distribution without aliases
# AWS controls it and nothing can be configured, so only custom domains are judged.
deny contains lib.violation(path, msg) if {
	aws_tls.tls_cf_has_aliases
	not lib.is_unknown(aws_tls.tls_cf_setting("aliases"))
	aws_tls.tls_cf_default_certificate
	path := certificate_path
	msg := concat("", [
		"CloudFront distribution serves custom domain names with the default certificate, which accepts TLS 1.0: ",
		"required an ACM certificate with minimum_protocol_version ", concat(" or ", sort(aws_tls.tls_cf_current_minimums)),
	])
}

certificate_path := aws_tls.tls_cf_certificate.path if {
	aws_tls.tls_cf_certificate
} else := aws_tls.tls_cf_config.path

deny contains lib.violation(array.concat(aws_tls.tls_cf_certificate.path, ["minimum_protocol_version"]), msg) if {
	not aws_tls.tls_cf_default_certificate
	value := aws_tls.tls_get(aws_tls.tls_cf_certificate.block, "minimum_protocol_version")
	not lib.is_unknown(value)
	not value in aws_tls.tls_cf_current_minimums
	msg := concat("", [
		"CloudFront distribution accepts viewers on old TLS: minimum_protocol_version is ", lib.show(value),
		lib.when_not_set(value, "TLSv1"), ", required ", concat(" or ", sort(aws_tls.tls_cf_current_minimums)),
	])
}

# The certificate block or its minimum version unknown until apply: undetermined, never a pass.
deny contains lib.violation(array.concat(aws_tls.tls_cf_certificate.path, ["minimum_protocol_version"]), msg) if {
	not aws_tls.tls_cf_default_certificate
	lib.is_unknown(aws_tls.tls_get(aws_tls.tls_cf_certificate.block, "minimum_protocol_version"))
	msg := concat("", [
		"CloudFront distribution minimum viewer TLS version is unknown: minimum_protocol_version is unknown until apply, required ",
		concat(" or ", sort(aws_tls.tls_cf_current_minimums)),
	])
}

# Aliases unknown until apply on a distribution with the default certificate: whether it serves custom
# domain names cannot be told. Undetermined, never a pass.
deny contains lib.violation(array.concat(aws_tls.tls_cf_config.path, ["aliases"]), msg) if {
	lib.is_unknown(aws_tls.tls_cf_setting("aliases"))
	aws_tls.tls_cf_default_certificate
	msg := concat("", [
		"CloudFront distribution custom domain names are unknown: aliases is unknown until apply and the default ",
		"certificate accepts TLS 1.0, required an ACM certificate with minimum_protocol_version ",
		concat(" or ", sort(aws_tls.tls_cf_current_minimums)), " when it serves custom domain names",
	])
}
