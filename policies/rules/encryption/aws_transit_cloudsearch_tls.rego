# ENC-CLOUDSEARCH-002: CloudSearch domains accept TLS 1.2 or later only (endpoint_options.tls_security_policy).
package iacgate.rules.encryption.aws_transit_cloudsearch_tls

import data.iacgate.lib
import data.iacgate.lib.aws_transit
import rego.v1

# tls_security_policy defaults to Policy-Min-TLS-1-0-2019-07.
deny contains lib.violation(setting.path, msg) if {
	not aws_transit.transit_block_unknown("endpoint_options")
	setting := aws_transit.transit_block_setting("endpoint_options", "tls_security_policy")
	not setting.value == "Policy-Min-TLS-1-2-2019-07"
	msg := concat("", [
		"CloudSearch domain accepts TLS older than 1.2: endpoint_options.tls_security_policy is ",
		lib.show(setting.value), aws_transit.transit_unset_note(setting.value, "Policy-Min-TLS-1-0-2019-07"),
		", required Policy-Min-TLS-1-2-2019-07",
	])
}

deny contains lib.undetermined(["endpoint_options"], "CloudSearch domain endpoint_options is unknown until apply: cannot tell its TLS policy") if {
	aws_transit.transit_block_unknown("endpoint_options")
}
