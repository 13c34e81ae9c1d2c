# ENC-KEYSPACES-001: Keyspaces tables encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_keyspaces_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# The key's type: Terraform and Pulumi encryption_specification.type, CloudFormation (AWS::Cassandra::Table)
# EncryptionSpecification.EncryptionType.
kind_key := "encryption_type" if {
	input.resource.format == "cloudformation"
} else := "type"

kind := aws_data.data_setting("encryption_specification", kind_key)

# The key's type must be CUSTOMER_MANAGED_KMS_KEY: any other value, or none, is a key AWS owns.
deny contains lib.violation(kind.path, msg) if {
	not kind.value == "CUSTOMER_MANAGED_KMS_KEY"
	msg := concat("", [
		"Keyspaces table is not encrypted with a customer-managed KMS key: encryption_specification.", kind_key, " is ",
		lib.show(kind.value), ", required CUSTOMER_MANAGED_KMS_KEY",
	])
}

deny contains violation if {
	kind.value == "CUSTOMER_MANAGED_KMS_KEY"
	some violation in aws_rest.rest_cmk_nested("encryption_specification", "kms_key_identifier", "Keyspaces table")
}
