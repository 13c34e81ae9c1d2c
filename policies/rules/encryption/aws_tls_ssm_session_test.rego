package iacgate.rules.encryption.aws_tls_ssm_session_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_tls_ssm_session_kms as session_rule
import rego.v1

tls_test_session_document(content) := testing.resource(
	"aws_ssm_document",
	{"document_type": "Session", "content": content},
)

test_session_without_key_fails if {
	some result in session_rule.deny with input.resource as tls_test_session_document(`{"schemaVersion": "1.0", "sessionType": "Standard_Stream", "inputs": {"s3BucketName": "logs"}}`)
		with input.related as []
	result.path == ["content"]
	contains(result.message, "inputs.kmsKeyId in the session document is not set")
}

test_session_with_key_passes if {
	count(session_rule.deny) == 0 with input.resource as tls_test_session_document(`{"schemaVersion": "1.0", "sessionType": "Standard_Stream", "inputs": {"kmsKeyId": "alias/sessions"}}`)
		with input.related as []
}

test_yaml_session_with_key_passes if {
	count(session_rule.deny) == 0 with input.resource as tls_test_session_document("schemaVersion: '1.0'\nsessionType: Standard_Stream\ninputs:\n  kmsKeyId: alias/sessions\n")
		with input.related as []
}

test_cloudformation_object_without_key_fails if {
	count(session_rule.deny) == 1 with input.resource as tls_test_session_document({"schema_version": "1.0", "session_type": "Standard_Stream", "inputs": {"kms_key_id": ""}})
		with input.related as []
}

test_port_session_is_not_judged if {
	count(session_rule.deny) == 0 with input.resource as tls_test_session_document(`{"schemaVersion": "1.0", "sessionType": "Port"}`)
		with input.related as []
}

test_command_document_is_not_judged if {
	count(session_rule.deny) == 0 with input.resource as testing.resource(
		"aws_ssm_document",
		{"document_type": "Command", "content": `{"sessionType": "Standard_Stream"}`},
	)
		with input.related as []
}
