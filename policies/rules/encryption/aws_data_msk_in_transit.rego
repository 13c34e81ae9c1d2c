# ENC-MSK-002: MSK clusters accept TLS only, between clients and brokers and within the cluster.
package iacgate.rules.encryption.aws_data_msk_in_transit

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

client_broker := aws_data.data_subsetting("encryption_info", "encryption_in_transit", "client_broker")

in_cluster := aws_data.data_subsetting("encryption_info", "encryption_in_transit", "in_cluster")

# Left out, client_broker is TLS (the service default): only another value is flagged.
deny contains lib.violation(client_broker.path, msg) if {
	lib.is_set(client_broker.value)
	not lib.is_unknown(client_broker.value)
	client_broker.value != "TLS"
	msg := concat("", [
		"MSK cluster accepts clear-text client connections: encryption_in_transit.client_broker is ",
		lib.show(client_broker.value), ", required TLS",
	])
}

# Left out, in_cluster is true (the service default).
deny contains lib.violation(in_cluster.path, msg) if {
	lib.is_false(in_cluster.value)
	msg := "MSK cluster sends traffic between brokers in clear text: encryption_in_transit.in_cluster is false, required true"
}
