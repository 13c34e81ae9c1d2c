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

# Values unknown until apply cannot be judged: undetermined, never a pass. The whole encryption_info (the
# provider does not compute it: a plan shows it unknown only when the configuration sets it so), its
# encryption_in_transit, or a setting in it.
deny contains lib.violation(["encryption_info"], msg) if {
	lib.is_unknown(lib.attr("encryption_info"))
	msg := "MSK cluster transit encryption is unknown: encryption_info is unknown until apply, required client_broker TLS and in_cluster true"
}

deny contains lib.violation(array.concat(outer.path, ["encryption_in_transit"]), msg) if {
	outer := aws_data.data_first_block(lib.attr("encryption_info"), ["encryption_info"])
	lib.is_unknown(object.get(outer.block, "encryption_in_transit", null))
	msg := "MSK cluster transit encryption is unknown: encryption_info.encryption_in_transit is unknown until apply, required client_broker TLS and in_cluster true"
}

deny contains lib.violation(setting.path, msg) if {
	some name, setting in {"client_broker": client_broker, "in_cluster": in_cluster}
	lib.is_unknown(setting.value)
	msg := concat("", ["MSK cluster transit encryption is unknown: encryption_in_transit.", name, " is unknown until apply, required ", {"client_broker": "TLS", "in_cluster": "true"}[name]])
}
