# ENC-GLUE-005: Glue security configurations encrypt S3 data, CloudWatch logs and job bookmarks with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_glue_security_configuration_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import data.iacgate.lib.aws_svc
import rego.v1

# Each setting with its block names (Terraform and Pulumi first, then CloudFormation's), its mode's names
# and the mode that takes a KMS key.
kinds := [
	{"label": "cloudwatch_encryption", "names": ["cloudwatch_encryption", "cloud_watch_encryption"], "modes": ["cloudwatch_encryption_mode", "cloud_watch_encryption_mode"], "kms": "SSE-KMS"},
	{"label": "job_bookmarks_encryption", "names": ["job_bookmarks_encryption"], "modes": ["job_bookmarks_encryption_mode"], "kms": "CSE-KMS"},
	{"label": "s3_encryption", "names": ["s3_encryption", "s3_encryptions"], "modes": ["s3_encryption_mode"], "kms": "SSE-KMS"},
]

configs := lib.attr_blocks("encryption_configuration")

deny contains lib.violation(lib.missing_block_path("encryption_configuration"), msg) if {
	count(configs) == 0
	msg := "Glue security configuration does not encrypt with a customer-managed KMS key: encryption_configuration is not set, required S3, CloudWatch and job-bookmark encryption with a customer-managed key"
}

settings contains {"kind": kind, "name": name, "path": ["encryption_configuration", i, name, j], "block": block} if {
	some i, config in configs
	some kind in kinds
	some name in kind.names
	some j, block in lib.blocks(aws_svc.svc_field(config, name))
}

deny contains lib.violation(["encryption_configuration", i], msg) if {
	some i, config in configs
	some kind in kinds
	count([block | some name in kind.names; some block in lib.blocks(aws_svc.svc_field(config, name))]) == 0
	not glue_cmk_setting_unknown(config, kind.names)
	msg := concat("", [
		"Glue security configuration does not encrypt with a customer-managed KMS key: ", kind.label,
		" is not set, required mode ", kind.kms, " with a customer-managed key",
	])
}

glue_cmk_setting_unknown(config, names) if {
	some name in names
	lib.is_unknown(aws_svc.svc_field(config, name))
}

# A setting unknown until apply (a variable, a dynamic block) may name any mode and key.
deny contains lib.undetermined(["encryption_configuration", i, name], msg) if {
	some i, config in configs
	some kind in kinds
	some name in kind.names
	lib.is_unknown(aws_svc.svc_field(config, name))
	msg := concat("", [
		"Glue security configuration may not encrypt with a customer-managed KMS key: ", kind.label,
		" is unknown until apply",
	])
}

# SSE-S3 (S3's own key) and DISABLED take no KMS key. The finding names the mode as the block spells it
# (CloudFormation CloudWatchEncryptionMode, Terraform cloudwatch_encryption_mode).
deny contains lib.violation(array.concat(setting.path, [mode_name]), msg) if {
	some setting in settings
	mode := aws_svc.svc_any_field(setting.block, setting.kind.modes)
	not mode == setting.kind.kms
	mode_name := glue_cmk_mode_name(setting.block, setting.kind.modes)
	msg := concat("", [
		"Glue security configuration does not encrypt with a customer-managed KMS key: ", mode_name,
		" is ", lib.show(mode), ", required ", setting.kind.kms,
	])
}

# The first of a mode's names the block holds, or the Terraform name when it holds none.
glue_cmk_mode_name(block, names) := held[0] if {
	held := [name | some name in names; aws_svc.svc_field(block, name) != null]
	count(held) > 0
} else := names[0]

deny contains violation if {
	some setting in settings
	aws_svc.svc_any_field(setting.block, setting.kind.modes) == setting.kind.kms
	label := concat(".", [setting.name, "kms_key_arn"])
	some violation in aws_rest.rest_cmk_findings(
		"encryption_configuration", array.concat(setting.path, ["kms_key_arn"]),
		aws_svc.svc_field(setting.block, "kms_key_arn"), label, "Glue security configuration",
	)
}
