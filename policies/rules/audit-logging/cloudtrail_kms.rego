# LOG-CLOUDTRAIL-003: CloudTrail encrypts its log files with a KMS key.
package iacgate.rules.audit_logging.cloudtrail_kms

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["kms_key_id"], msg) if {
	not lib.set_in_every_branch(lib.attr("kms_key_id"))
	msg := concat("", ["CloudTrail log files are encrypted only with SSE-S3: kms_key_id is ", lib.attr_text("kms_key_id")])
}
