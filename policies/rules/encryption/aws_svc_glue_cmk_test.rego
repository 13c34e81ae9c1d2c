# Unit tests of ENC-GLUE-005 (Glue security configurations under customer-managed keys) on a template's shapes.
package iacgate.rules.encryption.aws_svc_glue_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_glue_security_configuration_cmk
import rego.v1

glue_cmk := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

glue_template(cloudwatch_mode) := object.union(
	testing.resource("aws_glue_security_configuration", {"encryption_configuration": {
		"cloud_watch_encryption": {"cloud_watch_encryption_mode": cloudwatch_mode},
		"job_bookmarks_encryption": {"job_bookmarks_encryption_mode": "CSE-KMS", "kms_key_arn": glue_cmk},
		"s3_encryptions": [{"s3_encryption_mode": "SSE-KMS", "kms_key_arn": glue_cmk}],
	}}),
	{"format": "cloudformation"},
)

# CloudFormation spells the mode CloudWatchEncryptionMode (cloud_watch_encryption_mode once parsed): the
# finding names it so, not as Terraform's cloudwatch_encryption_mode, which the template does not hold.
test_template_cloudwatch_mode_is_named_as_the_template_writes_it if {
	some result in aws_rest_glue_security_configuration_cmk.deny with input.resource as glue_template("DISABLED")
		with input.related as []
	result.path == ["encryption_configuration", 0, "cloud_watch_encryption", 0, "cloud_watch_encryption_mode"]
	contains(result.message, "cloud_watch_encryption_mode is DISABLED")
}
