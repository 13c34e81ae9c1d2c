# SEC-STATE-009: the S3 bucket a Terraform s3 backend keeps its state in protects it.
package iacgate.rules.secrets_and_state.state_s3_bucket

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# Only the buckets a backend block of the scanned configuration names (by bucket name).
state_bucket if count(lib.referrers("terraform_backend")) > 0

deny contains {"not_applicable": true} if not state_bucket

versioned if {
	some block in lib.attr_blocks("versioning")
	lib.is_true(object.get(block, "enabled", null))
}

versioned if {
	some separate in lib.referrers_via("aws_s3_bucket_versioning", "bucket")
	some configuration in lib.blocks(object.get(separate.attributes, "versioning_configuration", []))
	status := object.get(configuration, "status", null)
	versioning_on(status)
}

versioning_on(status) if status == "Enabled"

# A versioning setting unknown until apply (status = var.status, enabled = var.versioning): it may be
# Suspended, so the bucket is neither versioned nor unversioned for the rule.
versioning_unknown if {
	some block in lib.attr_blocks("versioning")
	lib.is_unknown(object.get(block, "enabled", null))
}

versioning_unknown if {
	some separate in lib.referrers_via("aws_s3_bucket_versioning", "bucket")
	lib.is_unknown(object.get(separate.attributes, "versioning_configuration", null))
}

versioning_unknown if {
	some separate in lib.referrers_via("aws_s3_bucket_versioning", "bucket")
	some configuration in lib.blocks(object.get(separate.attributes, "versioning_configuration", []))
	lib.is_unknown(object.get(configuration, "status", null))
}

deny contains lib.violation(lib.missing_block_path("versioning"), msg) if {
	state_bucket
	not versioned
	not versioning_unknown
	msg := "S3 bucket holding Terraform state keeps no versions: no aws_s3_bucket_versioning with status Enabled refers to it, required versioning so an overwritten or deleted state can be restored"
}

deny contains lib.undetermined([], msg) if {
	state_bucket
	not versioned
	versioning_unknown
	msg := "S3 bucket holding Terraform state may keep no versions: its versioning status is unknown until apply, required Enabled so an overwritten or deleted state can be restored"
}

deny contains lib.violation(lib.missing_block_path("server_side_encryption_configuration"), msg) if {
	state_bucket
	not aws.s3_kms_cmk_default
	not aws.s3_kms_undecided
	msg := "S3 bucket holding Terraform state is not encrypted by default with a customer-managed KMS key: sse_algorithm is not aws:kms with a customer-managed kms_master_key_id, required SSE-KMS with a customer-managed key"
}

block_settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# Since April 2023 S3 blocks public access on new buckets by default; only a public access block that
# turns a setting off opens the bucket.
deny contains lib.violation([], msg) if {
	state_bucket
	some separate in lib.referrers_via("aws_s3_bucket_public_access_block", "bucket")
	some name in block_settings
	lib.is_false(object.get(separate.attributes, name, null))
	msg := concat("", [
		"S3 bucket holding Terraform state allows public access: ", separate.id, " sets ", name,
		" to false, required true",
	])
}

# A setting unknown until apply (block_public_acls = var.block) may be false: undetermined, never a pass.
deny contains lib.undetermined([], msg) if {
	state_bucket
	some separate in lib.referrers_via("aws_s3_bucket_public_access_block", "bucket")
	not public_access_opened
	some name in block_settings
	lib.is_unknown(object.get(separate.attributes, name, null))
	msg := concat("", [
		"S3 bucket holding Terraform state may allow public access: ", separate.id, " sets ", name,
		" to a value unknown until apply, required true",
	])
}

public_access_opened if {
	some separate in lib.referrers_via("aws_s3_bucket_public_access_block", "bucket")
	some name in block_settings
	lib.is_false(object.get(separate.attributes, name, null))
}

deny contains lib.violation(lib.missing_block_path("logging"), msg) if {
	state_bucket
	not aws.s3_access_logging
	msg := concat("", [
		"S3 bucket holding Terraform state records no access: logging is not set",
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_s3_bucket_logging refers to it"),
		", required server access logging",
	])
}
