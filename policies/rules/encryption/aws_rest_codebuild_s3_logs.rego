# ENC-CODEBUILD-003: CodeBuild projects keep their S3 build logs encrypted.
package iacgate.rules.encryption.aws_rest_codebuild_s3_logs

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# logs_config.s3_logs (CloudFormation LogsConfig.S3Logs): its status and encryption_disabled.
s3_logs := found if {
	outer := aws_data.data_first_block(lib.attr("logs_config"), ["logs_config"])
	found := aws_data.data_first_block(object.get(outer.block, "s3_logs", null), array.concat(outer.path, ["s3_logs"]))
}

# null when the project has no s3_logs block at all (S3 logs off, the default).
status := object.get(s3_logs.block, "status", null) if {
	s3_logs
} else := null

s3_enabled if status == "ENABLED"

# S3 logs off (the default) write nothing to S3: the rule does not judge the project. A helper rule, not
# `not status == "ENABLED"`, so that OPA and the embedded engine agree when there is no block.
deny contains {"not_applicable": true} if {
	not lib.is_unknown(status)
	not s3_enabled
	not s3_logs_unknown
}

# logs_config, or its s3_logs block, unknown until apply (a dynamic block over a variable): whether S3 logs
# are written, and encrypted, cannot be told. Where a finding about it points (the unknown value).
s3_logs_unknown := ["logs_config"] if {
	lib.is_unknown(lib.attr("logs_config"))
} else := array.concat(outer.path, ["s3_logs"]) if {
	outer := aws_data.data_first_block(lib.attr("logs_config"), ["logs_config"])
	lib.is_unknown(object.get(outer.block, "s3_logs", null))
}

deny contains lib.violation(s3_logs_unknown, msg) if {
	msg := "CodeBuild project may write its S3 build logs unencrypted: logs_config.s3_logs is unknown until apply, required encryption_disabled false or not set"
}

# encryption_disabled true, or unknown until apply (a variable may hold true: the finding points at it and
# is undetermined).
deny contains lib.violation(array.concat(s3_logs.path, ["encryption_disabled"]), msg) if {
	status == "ENABLED"
	disabled := object.get(s3_logs.block, "encryption_disabled", null)
	encryption_maybe_disabled(disabled)
	msg := concat("", [
		"CodeBuild project writes its S3 build logs unencrypted: logs_config.s3_logs.encryption_disabled is ",
		lib.show(disabled), ", required false",
	])
}

# s3_logs.status unknown until apply (a variable, a parameter) with encryption_disabled true or unknown: the
# project may write its logs to S3 unencrypted. The finding points at the unknown status and is undetermined.
# (With encryption kept, the project passes whatever the status: S3 logs, if written, are encrypted.)
deny contains lib.violation(array.concat(s3_logs.path, ["status"]), msg) if {
	lib.is_unknown(status)
	disabled := object.get(s3_logs.block, "encryption_disabled", null)
	encryption_maybe_disabled(disabled)
	msg := concat("", [
		"CodeBuild project may write its S3 build logs unencrypted: logs_config.s3_logs.status is unknown until",
		" apply and logs_config.s3_logs.encryption_disabled is ", lib.show(disabled), ", required false",
	])
}

encryption_maybe_disabled(value) if lib.is_true(value)

encryption_maybe_disabled(value) if lib.is_unknown(value)
