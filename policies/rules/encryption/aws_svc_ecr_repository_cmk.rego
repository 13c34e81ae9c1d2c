# ENC-ECR-001: ECR repositories encrypt images with a customer-managed KMS key, and so do the repositories a
# creation template creates (replication, pull through cache, create on push).
package iacgate.rules.encryption.aws_svc_ecr_repository_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

kms_types := {"KMS", "KMS_DSSE"}

subject := "ECR repository creation template" if {
	input.resource.type == "aws_ecr_repository_creation_template"
} else := "ECR repository"

deny contains lib.violation(lib.missing_block_path("encryption_configuration"), msg) if {
	count(lib.attr_blocks("encryption_configuration")) == 0
	msg := concat("", [
		subject, " is not encrypted with a customer-managed KMS key: encryption_configuration is not set (images ",
		"are encrypted with AES256, S3-managed keys), required encryption_type KMS with kms_key naming a ",
		"customer-managed key",
	])
}

deny contains lib.violation(["encryption_configuration", i, "encryption_type"], msg) if {
	some i, block in lib.attr_blocks("encryption_configuration")
	kind := aws_svc.svc_field(block, "encryption_type")
	not kind in kms_types

	# An unknown encryption_type (a variable) may be AES256: the finding points at it and is undetermined.
	msg := concat("", [
		subject, " is not encrypted with a customer-managed KMS key: encryption_type is ", lib.show(kind),
		", required KMS or KMS_DSSE with kms_key naming a customer-managed key",
	])
}

# KMS without kms_key uses the AWS-managed key aws/ecr; a key read from a KMS data source that names an
# alias/aws/* alias is AWS-managed too, though its ARN is known only when the data source is read.
deny contains finding if {
	some i, block in lib.attr_blocks("encryption_configuration")
	aws_svc.svc_field(block, "encryption_type") in kms_types
	some finding in aws_svc.svc_key_findings(
		"encryption_configuration", ["encryption_configuration", i, "kms_key"],
		aws_svc.svc_field(block, "kms_key"), "kms_key", subject, "the AWS-managed key aws/ecr",
	)
}
