# ENC-DAX-002: DAX clusters encrypt client connections to their endpoint with TLS.
package iacgate.rules.encryption.aws_transit_dax_endpoint_tls

import data.iacgate.lib
import data.iacgate.lib.aws_transit
import rego.v1

# cluster_endpoint_encryption_type defaults to NONE: a cluster that leaves it out serves clear text.
deny contains lib.violation(["cluster_endpoint_encryption_type"], msg) if {
	not transit_dax_endpoint_tls
	value := lib.attr("cluster_endpoint_encryption_type")
	msg := concat("", [
		"DAX cluster endpoint accepts unencrypted connections: cluster_endpoint_encryption_type is ",
		lib.show(value), aws_transit.transit_unset_note(value, "NONE"), ", required TLS",
	])
}

transit_dax_endpoint_tls if {
	value := lib.attr("cluster_endpoint_encryption_type")
	is_string(value)
	upper(value) == "TLS"
}
