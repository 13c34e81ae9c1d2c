# ENC-WORKSPACES-001: WorkSpaces encrypt root and user volumes with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_workspaces_volumes_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# Volumes are unencrypted unless switched on: missing and false both fail.
deny contains lib.violation([name], msg) if {
	some name in ["root_volume_encryption_enabled", "user_volume_encryption_enabled"]
	not lib.is_true(lib.attr(name))
	msg := concat("", ["WorkSpace volume is not encrypted: ", name, " is ", lib.attr_text(name), ", required true"])
}

deny contains lib.violation(["volume_encryption_key"], msg) if {
	not aws.customer_managed_key("volume_encryption_key", lib.attr("volume_encryption_key"))
	msg := concat("", [
		"WorkSpace volumes are not encrypted with a customer-managed KMS key: volume_encryption_key is ",
		lib.attr_text("volume_encryption_key"), ", required the ARN of a customer-managed key (symmetric)",
	])
}
