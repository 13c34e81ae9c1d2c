# ENC-TRANSFER-002: Transfer Family servers use a security policy of 2020 or later (no TLS/SSH ciphers of
# the 2018-11 policy).
package iacgate.rules.encryption.aws_transit_transfer_policy

import data.iacgate.lib
import data.iacgate.lib.aws_transit
import rego.v1

# security_policy_name defaults to TransferSecurityPolicy-2018-11, which still offers CBC ciphers without
# forward secrecy and SHA-1 MACs and key exchanges.
deny contains lib.violation(["security_policy_name"], msg) if {
	value := lib.attr("security_policy_name")
	not transit_transfer_current(value)
	msg := concat("", [
		"Transfer Family server offers outdated ciphers: security_policy_name is ", lib.show(value),
		aws_transit.transit_unset_note(value, "TransferSecurityPolicy-2018-11"),
		", required TransferSecurityPolicy-2020-06 or a later (or FIPS) policy",
	])
}

transit_transfer_current(value) if {
	is_string(value)
	startswith(value, "TransferSecurityPolicy-")
	not value in transit_transfer_outdated
}

# The Restricted variant of 2018-11 only drops chacha20-poly1305 (Terrapin): SHA-1 MACs and key exchanges stay.
transit_transfer_outdated := {"TransferSecurityPolicy-2018-11", "TransferSecurityPolicy-Restricted-2018-11"}
