# ENC-SES-001: SES configuration sets require TLS for delivery (delivery_options.tls_policy REQUIRE).
package iacgate.rules.encryption.aws_transit_ses_tls

import data.iacgate.lib
import data.iacgate.lib.aws_transit
import rego.v1

# tls_policy defaults to OPTIONAL (SES v1: Optional): mail goes out in clear text when the receiving
# server does not offer TLS.
deny contains lib.violation(setting.path, msg) if {
	not aws_transit.transit_block_unknown("delivery_options")
	setting := aws_transit.transit_block_setting("delivery_options", "tls_policy")
	not transit_ses_required(setting.value)
	msg := concat("", [
		"SES configuration set delivers mail without TLS: delivery_options.tls_policy is ", lib.show(setting.value),
		aws_transit.transit_unset_note(setting.value, "OPTIONAL"), ", required REQUIRE",
	])
}

deny contains lib.undetermined(["delivery_options"], "SES configuration set delivery_options is unknown until apply: cannot tell whether TLS is required") if {
	aws_transit.transit_block_unknown("delivery_options")
}

transit_ses_required(value) if {
	is_string(value)
	upper(value) == "REQUIRE"
}
