# ENC-CODEBUILD-001: CodeBuild projects encrypt build output with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_codebuild_project_cmk

import data.iacgate.lib.aws_svc
import rego.v1

deny contains violation if violation := aws_svc.svc_cmk_violation("encryption_key", "CodeBuild project")
