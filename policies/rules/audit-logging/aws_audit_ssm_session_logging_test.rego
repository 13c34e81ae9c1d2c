package iacgate.rules.audit_logging.aws_audit_ssm_session_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_ssm_session_logging
import rego.v1

document(content) := testing.resource("aws_ssm_document", {"name": "SSM-SessionManagerRunShell", "document_type": "Session", "content": content})

test_encrypted_cloudwatch_passes if {
	count(aws_audit_ssm_session_logging.deny) == 0 with input.resource as document(json.marshal({"schemaVersion": "1.0", "sessionType": "Standard_Stream", "inputs": {"cloudWatchLogGroupName": "/ssm/sessions", "cloudWatchEncryptionEnabled": true}}))
		with input.related as []
}

test_cloudformation_object_s3_passes if {
	count(aws_audit_ssm_session_logging.deny) == 0 with input.resource as document({"sessionType": "Standard_Stream", "inputs": {"s3BucketName": "acme-sessions", "s3EncryptionEnabled": "true"}})
		with input.related as []
}

test_no_destination_fails if {
	some result in aws_audit_ssm_session_logging.deny with input.resource as document(json.marshal({"sessionType": "Standard_Stream", "inputs": {"runAsEnabled": false}}))
		with input.related as []
	result.path == ["content"]
}

test_unencrypted_s3_fails if {
	count(aws_audit_ssm_session_logging.deny) == 1 with input.resource as document(json.marshal({"sessionType": "Standard_Stream", "inputs": {"s3BucketName": "acme-sessions", "s3EncryptionEnabled": false}}))
		with input.related as []
}

test_command_documents_are_not_judged if {
	aws_audit_ssm_session_logging.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_ssm_document", {"name": "patch", "document_type": "Command", "content": "{}"})
		with input.related as []
}

test_unknown_content_is_reported_at_its_path if {
	some result in aws_audit_ssm_session_logging.deny with input.resource as document(testing.unknown)
		with input.related as []
	result.path == ["content"]
}
