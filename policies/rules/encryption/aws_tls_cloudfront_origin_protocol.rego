# ENC-CLOUDFRONT-003: CloudFront reaches custom origins over HTTPS.
package iacgate.rules.encryption.aws_tls_cloudfront_origin_protocol

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# match-viewer uses HTTPS towards the origin whenever the viewer used it: it passes when every cache
# behaviour makes viewers use HTTPS.
accepted(value) if value == "https-only"

accepted(value) if {
	value == "match-viewer"
	aws_tls.tls_cf_viewers_https
}

deny contains lib.violation(array.concat(origin.path, ["origin_protocol_policy"]), msg) if {
	some origin in aws_tls.tls_cf_custom_origins
	value := aws_tls.tls_get(origin.block, "origin_protocol_policy")
	not lib.is_unknown(value)
	not accepted(value)
	msg := concat("", [
		"CloudFront reaches a custom origin over plain HTTP: origin_protocol_policy is ", lib.show(value),
		", required https-only (or match-viewer when every cache behaviour requires HTTPS)",
	])
}

# An origin, its custom_origin_config or its protocol policy unknown until apply: undetermined, never a pass.
deny contains lib.violation(array.concat(origin.path, ["origin_protocol_policy"]), msg) if {
	some origin in aws_tls.tls_cf_custom_origins
	lib.is_unknown(aws_tls.tls_get(origin.block, "origin_protocol_policy"))
	msg := "CloudFront origin protocol is unknown: origin_protocol_policy is unknown until apply, required https-only (or match-viewer when every cache behaviour requires HTTPS)"
}
