# ENC-CODEARTIFACT-001: CodeArtifact domains encrypt packages with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_codeartifact_domain_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("encryption_key", "CodeArtifact domain")
}
