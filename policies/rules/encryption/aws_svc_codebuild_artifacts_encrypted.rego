# ENC-CODEBUILD-002: CodeBuild projects do not switch off encryption of their build artifacts.
package iacgate.rules.encryption.aws_svc_codebuild_artifacts_encrypted

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

# Artifacts are encrypted unless encryption_disabled is true, so only an explicit true fails.
deny contains lib.violation([attribute, i, "encryption_disabled"], msg) if {
	some attribute in ["artifacts", "secondary_artifacts"]
	some i, block in lib.attr_blocks(attribute)
	disabled := aws_svc.svc_field(block, "encryption_disabled")
	lib.is_true(disabled)
	msg := concat("", [
		"CodeBuild project writes unencrypted build artifacts: ", attribute, ".encryption_disabled is ",
		lib.show(disabled), ", required false or not set",
	])
}

# The artifacts (a whole block) or encryption_disabled unknown until apply may switch encryption off: the
# finding points into the unknown value and is undetermined, never a pass.
deny contains lib.violation([attribute], msg) if {
	some attribute in ["artifacts", "secondary_artifacts"]
	lib.is_unknown(lib.attr(attribute))
	msg := concat("", ["CodeBuild project artifact encryption is unknown: ", attribute, " is unknown until apply, required encryption_disabled false or not set"])
}

deny contains lib.violation(disabled_path(attribute, i), msg) if {
	some attribute in ["artifacts", "secondary_artifacts"]
	some i, block in lib.attr_blocks(attribute)
	lib.is_unknown(aws_svc.svc_field(block, "encryption_disabled"))
	msg := concat("", ["CodeBuild project artifact encryption is unknown: ", attribute, ".encryption_disabled is unknown until apply, required false or not set"])
}

# Terraform writes the blocks as a list, CloudFormation and Pulumi artifacts as one object.
disabled_path(attribute, i) := [attribute, "encryption_disabled"] if {
	is_object(lib.attr(attribute))
} else := [attribute, i, "encryption_disabled"]
