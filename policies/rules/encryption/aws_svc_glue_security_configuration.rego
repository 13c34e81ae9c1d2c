# ENC-GLUE-003: Glue security configurations encrypt S3 data, CloudWatch logs and job bookmarks.
package iacgate.rules.encryption.aws_svc_glue_security_configuration

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

# Each setting with its block names (Terraform and Pulumi first, then CloudFormation's) and mode names.
kinds := [
	{"label": "cloudwatch_encryption", "names": ["cloudwatch_encryption", "cloud_watch_encryption"], "modes": ["cloudwatch_encryption_mode", "cloud_watch_encryption_mode"]},
	{"label": "job_bookmarks_encryption", "names": ["job_bookmarks_encryption"], "modes": ["job_bookmarks_encryption_mode"]},
	{"label": "s3_encryption", "names": ["s3_encryption", "s3_encryptions"], "modes": ["s3_encryption_mode"]},
]

deny contains lib.violation(lib.missing_block_path("encryption_configuration"), msg) if {
	count(lib.attr_blocks("encryption_configuration")) == 0
	msg := "Glue security configuration encrypts nothing: encryption_configuration is not set, required S3, CloudWatch and job-bookmark encryption"
}

# A setting left out is disabled (CloudFormation lets every one be omitted).
deny contains lib.violation(["encryption_configuration", i], msg) if {
	some i, config in lib.attr_blocks("encryption_configuration")
	some kind in kinds
	count([block | some name in kind.names; some block in lib.blocks(aws_svc.svc_field(config, name))]) == 0
	not glue_setting_unknown(config, kind.names)
	msg := concat("", ["Glue security configuration does not encrypt: ", kind.label, " is not set, required a mode other than DISABLED"])
}

deny contains lib.violation(["encryption_configuration", i, name, j, mode_name], msg) if {
	some i, config in lib.attr_blocks("encryption_configuration")
	some kind in kinds
	some name in kind.names
	some j, block in lib.blocks(aws_svc.svc_field(config, name))
	mode := aws_svc.svc_any_field(block, kind.modes)
	not lib.is_set(mode)
	mode_name := kind.modes[0]
	msg := concat("", ["Glue security configuration does not encrypt: ", kind.label, " mode is not set, required a mode other than DISABLED"])
}

deny contains lib.violation(["encryption_configuration", i, name, j, mode_name], msg) if {
	some i, config in lib.attr_blocks("encryption_configuration")
	some kind in kinds
	some name in kind.names
	some j, block in lib.blocks(aws_svc.svc_field(config, name))
	some mode_name in kind.modes
	mode := aws_svc.svc_field(block, mode_name)
	mode == "DISABLED"
	msg := concat("", ["Glue security configuration does not encrypt: ", mode_name, " is DISABLED, required SSE-KMS or SSE-S3 (S3), SSE-KMS (CloudWatch) or CSE-KMS (job bookmarks)"])
}

glue_setting_unknown(config, names) if {
	some name in names
	lib.is_unknown(aws_svc.svc_field(config, name))
}

# A setting block or its mode unknown until apply (a variable, a dynamic block): undetermined, never a pass.
deny contains lib.violation(array.concat(config_path(i), [name]), msg) if {
	some i, config in lib.attr_blocks("encryption_configuration")
	some kind in kinds
	some name in kind.names
	lib.is_unknown(aws_svc.svc_field(config, name))
	msg := concat("", ["Glue security configuration encryption is unknown: ", kind.label, " is unknown until apply, required a mode other than DISABLED"])
}

deny contains lib.violation(path, msg) if {
	some i, config in lib.attr_blocks("encryption_configuration")
	some kind in kinds
	some name in kind.names
	value := aws_svc.svc_field(config, name)
	some j, block in lib.blocks(value)
	some mode_name in kind.modes
	lib.is_unknown(aws_svc.svc_field(block, mode_name))
	path := array.concat(array.concat(config_path(i), [name]), mode_path(is_object(value), j, mode_name))
	msg := concat("", ["Glue security configuration encryption is unknown: ", mode_name, " is unknown until apply, required a mode other than DISABLED"])
}

# Terraform writes blocks as lists, CloudFormation and Pulumi single blocks as one object.
config_path(i) := ["encryption_configuration"] if {
	is_object(lib.attr("encryption_configuration"))
} else := ["encryption_configuration", i]

mode_path(true, _, mode_name) := [mode_name]

mode_path(false, j, mode_name) := [j, mode_name]
