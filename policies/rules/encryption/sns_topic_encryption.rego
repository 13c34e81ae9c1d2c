# ENC-SNS-001: SNS topics encrypt messages at rest with KMS.
package iacgate.rules.encryption.sns_topic_encryption

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["kms_master_key_id"], msg) if {
	not lib.set_in_every_branch(lib.attr("kms_master_key_id"))
	msg := sprintf("SNS topic is not encrypted at rest: kms_master_key_id is %s", [lib.attr_text("kms_master_key_id")])
}
