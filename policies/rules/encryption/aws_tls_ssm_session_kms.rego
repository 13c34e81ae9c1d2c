# ENC-SSM-002: Session Manager shell sessions are encrypted with a KMS key.
package iacgate.rules.encryption.aws_tls_ssm_session_kms

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

content := aws_tls.tls_document_content

# Standard_Stream is the interactive shell session type whose preferences take a kmsKeyId; port
# forwarding and interactive-command documents have no such setting and are not judged.
shell_session if {
	lower(sprintf("%v", [lib.attr("document_type")])) == "session"
	aws_tls.tls_field(content, "sessionType", "session_type") == "Standard_Stream"
}

key := aws_tls.tls_field(aws_tls.tls_field(content, "inputs", "inputs"), "kmsKeyId", "kms_key_id")

deny contains lib.violation(["content"], msg) if {
	shell_session
	not lib.is_set(key)
	msg := concat("", [
		"Session Manager sessions rely on TLS alone: inputs.kmsKeyId in the session document is ", lib.show(key),
		", required a KMS key that encrypts session data end to end",
	])
}

# The content, or its session type, unknown until apply: a session document may be a shell session without
# a key. Undetermined, never a pass.
deny contains lib.violation(path, msg) if {
	lower(sprintf("%v", [lib.attr("document_type")])) == "session"
	path := unknown_session_path
	msg := "Session Manager session type or key is unknown: the session document content is unknown until apply, required a KMS key that encrypts session data end to end"
}

unknown_session_path := ["content"] if {
	lib.is_unknown(lib.attr("content"))
} else := ["content", "session_type"] if {
	lib.is_unknown(aws_tls.tls_field(content, "sessionType", "session_type"))
	not lib.is_set(key)
}
