# ENC-S3-002: S3 buckets encrypt by default with SSE-KMS under a customer-managed key.
package iacgate.rules.encryption.s3_bucket_kms

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# A bucket that receives server access logs is exempt: S3 delivers those logs only to buckets whose
# default encryption is SSE-S3.
applies if not aws.s3_access_log_target

deny contains lib.violation(aws.s3_encryption_path, msg) if {
	applies
	not aws.s3_encryption_configured
	msg := "S3 bucket declares no default encryption, so it gets SSE-S3 with keys S3 manages, not SSE-KMS with a customer-managed key"
}

deny contains lib.violation(entry.path, msg) if {
	applies
	not aws.s3_kms_cmk_default
	not aws.s3_kms_undecided
	some entry in aws.s3_encryption_defaults

	# concat, not sprintf: inside sprintf's %s regopy 1.5.2 quotes some strings (one-element concat results).
	msg := concat("", [
		"S3 bucket default encryption (", entry.source, ") uses sse_algorithm ",
		lib.show(object.get(entry.settings, "sse_algorithm", null)), " with kms_master_key_id ",
		lib.show(object.get(entry.settings, "kms_master_key_id", null)),
		": required aws:kms with a customer-managed key",
	])
}

deny contains lib.undetermined([], "S3 bucket default encryption is unknown until apply: cannot tell whether it uses a customer-managed KMS key") if {
	applies
	not aws.s3_kms_cmk_default
	aws.s3_kms_undecided
}
