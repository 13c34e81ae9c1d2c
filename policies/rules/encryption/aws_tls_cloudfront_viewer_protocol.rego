# ENC-CLOUDFRONT-001: every cache behaviour of a CloudFront distribution makes viewers use HTTPS.
package iacgate.rules.encryption.aws_tls_cloudfront_viewer_protocol

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

secure_policies := {"redirect-to-https", "https-only"}

deny contains lib.violation(array.concat(entry.path, ["viewer_protocol_policy"]), msg) if {
	some entry in aws_tls.tls_cf_behaviours
	value := aws_tls.tls_get(entry.block, "viewer_protocol_policy")
	not value in secure_policies
	msg := concat("", [
		"CloudFront cache behaviour serves viewers over plain HTTP: viewer_protocol_policy is ", lib.show(value),
		", required redirect-to-https or https-only",
	])
}
