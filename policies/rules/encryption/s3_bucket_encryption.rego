# ENC-S3-001: S3 buckets declare default server-side encryption in the IaC.
package iacgate.rules.encryption.s3_bucket_encryption

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

deny contains lib.violation(aws.s3_encryption_path, msg) if {
	not aws.s3_encryption_configured
	msg := concat("", [
		"S3 bucket declares no default server-side encryption: server_side_encryption_configuration is ",
		aws.s3_encryption_text,
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_s3_bucket_server_side_encryption_configuration refers to it"),
		" (AWS applies SSE-S3 by default, but the IaC does not state it)",
	])
}
