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
