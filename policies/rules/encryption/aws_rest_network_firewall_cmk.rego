# ENC-NETWORKFIREWALL-001: Network Firewall firewalls, policies and rule groups encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_network_firewall_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

kind := aws_data.data_setting("encryption_configuration", "type")

# encryption_configuration.type must be CUSTOMER_KMS: any other value, or none, is a key AWS owns.
deny contains lib.violation(kind.path, msg) if {
	not kind.value == "CUSTOMER_KMS"
	msg := concat("", [
		"Network Firewall resource is not encrypted with a customer-managed KMS key: encryption_configuration.type is ", lib.show(kind.value),
		", required CUSTOMER_KMS",
	])
}

deny contains violation if {
	kind.value == "CUSTOMER_KMS"
	some violation in aws_rest.rest_cmk_nested("encryption_configuration", "key_id", "Network Firewall resource")
}
