# LOG-CODEBUILD-001: CodeBuild projects keep their build logs (CloudWatch Logs or S3).
package iacgate.rules.audit_logging.aws_audit_codebuild_logs

import data.iacgate.lib
import rego.v1

# logs_config (CloudFormation LogsConfig): CloudWatch Logs are ENABLED by default, S3 logs DISABLED. A
# project fails only when CloudWatch Logs are turned off and S3 logs are not on. CloudFormation spells the
# CloudWatch block CloudWatchLogs (cloud_watch_logs).
config := lib.attr_blocks("logs_config")[0] if {
	count(lib.attr_blocks("logs_config")) > 0
} else := {}

aws_audit_codebuild_index(value) := [] if {
	is_object(value)
} else := [0]

cloudwatch_name := "cloud_watch_logs" if {
	object.get(config, "cloud_watch_logs", null) != null
} else := "cloudwatch_logs"

cloudwatch := object.get(config, cloudwatch_name, null)

cloudwatch_status := object.get(lib.blocks(cloudwatch)[0], "status", "ENABLED") if {
	count(lib.blocks(cloudwatch)) > 0
} else := "ENABLED"

cloudwatch_path := array.concat(
	array.concat(array.concat(["logs_config"], aws_audit_codebuild_index(lib.attr("logs_config"))), [cloudwatch_name]),
	array.concat(aws_audit_codebuild_index(cloudwatch), ["status"]),
)

s3 := object.get(config, "s3_logs", null)

s3_status := object.get(lib.blocks(s3)[0], "status", "DISABLED") if {
	count(lib.blocks(s3)) > 0
} else := "DISABLED"

aws_audit_codebuild_on(status) if {
	is_string(status)
	upper(status) == "ENABLED"
}

# A status unknown until apply could be DISABLED: reported at its path, the engine calls it undetermined.
deny contains lib.violation(cloudwatch_path, msg) if {
	not aws_audit_codebuild_on(cloudwatch_status)
	not aws_audit_codebuild_on(s3_status)
	not lib.is_unknown(s3_status)
	msg := concat("", [
		"build logs are kept nowhere: logs_config.cloudwatch_logs.status is ", lib.show(cloudwatch_status),
		" and logs_config.s3_logs.status is ", lib.show(s3_status), ", required ENABLED for either",
	])
}

# CloudWatch Logs off, S3 logs unknown: undetermined at the S3 status.
deny contains lib.violation(array.concat(array.concat(["logs_config"], aws_audit_codebuild_index(lib.attr("logs_config"))), array.concat(["s3_logs"], array.concat(aws_audit_codebuild_index(s3), ["status"]))), msg) if {
	not aws_audit_codebuild_on(cloudwatch_status)
	lib.is_unknown(s3_status)
	msg := concat("", [
		"build logs may be kept nowhere: logs_config.cloudwatch_logs.status is ", lib.show(cloudwatch_status),
		" and logs_config.s3_logs.status is ", lib.show(s3_status), ", required ENABLED for either",
	])
}

# logs_config, or its CloudWatch block, unknown until apply (a dynamic block): CloudWatch Logs may be off.
deny contains lib.violation(["logs_config"], msg) if {
	lib.is_unknown(lib.attr("logs_config"))
	msg := "build logs may be kept nowhere: logs_config is unknown until apply, required cloudwatch_logs or s3_logs ENABLED"
}

deny contains lib.violation(array.concat(array.concat(["logs_config"], aws_audit_codebuild_index(lib.attr("logs_config"))), [cloudwatch_name]), msg) if {
	lib.is_unknown(cloudwatch)
	not aws_audit_codebuild_on(s3_status)
	msg := "build logs may be kept nowhere: logs_config.cloudwatch_logs is unknown until apply, required cloudwatch_logs or s3_logs ENABLED"
}
