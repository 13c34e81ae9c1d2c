# SEC-STATE-002: an S3 state backend encrypts the state with a customer-managed KMS key.
package iacgate.rules.secrets_and_state.backend_s3_kms

import data.iacgate.lib
import rego.v1

deny contains {"not_applicable": true} if lib.attr("backend") != "s3"

# An AWS-managed key by its alias, written as the alias or as the alias ARN
# (arn:aws:kms:eu-west-1:111122223333:alias/aws/s3, in every partition).
aws_managed if {
	key := lib.attr("kms_key_id")
	is_string(key)
	regex.match(`^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias/aws/`, key)
}

deny contains lib.violation(["kms_key_id"], msg) if {
	lib.attr("backend") == "s3"
	not lib.is_set(lib.attr("kms_key_id"))
	msg := "state backend s3 does not name a customer-managed key: kms_key_id is not set, required the ARN of a customer-managed KMS key"
}

deny contains lib.violation(["kms_key_id"], msg) if {
	lib.attr("backend") == "s3"
	aws_managed
	msg := concat("", [
		"state backend s3 uses an AWS-managed key: kms_key_id is ", lib.attr_text("kms_key_id"),
		", required the ARN of a customer-managed KMS key",
	])
}
