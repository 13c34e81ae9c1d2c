# ENC-WORKSPACES-001: WorkSpaces encrypt root and user volumes with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_workspaces_volumes_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

# Volumes are unencrypted unless switched on: missing and false both fail.
deny contains lib.violation([name], msg) if {
	some name in ["root_volume_encryption_enabled", "user_volume_encryption_enabled"]
	not lib.is_true(lib.attr(name))
	msg := concat("", ["WorkSpace volume is not encrypted: ", name, " is ", lib.attr_text(name), ", required true"])
}

# Without volume_encryption_key WorkSpaces uses the AWS-managed key aws/workspaces; a key read from a KMS
# data source that names an alias/aws/* alias is AWS-managed too, though its ARN is known only when read.
deny contains finding if {
	some finding in aws_svc.svc_key_findings(
		"volume_encryption_key", ["volume_encryption_key"], lib.attr("volume_encryption_key"),
		"volume_encryption_key", "WorkSpace", "the AWS-managed key aws/workspaces",
	)
}
