# LOG-SSM-001: Session Manager preferences log sessions to S3 or CloudWatch Logs, encrypted.
package iacgate.rules.audit_logging.aws_audit_ssm_session_logging

import data.iacgate.lib
import rego.v1

# Session Manager's preferences are an aws_ssm_document of document_type Session (usually named
# SSM-SessionManagerRunShell) whose content (JSON in Terraform and Pulumi, an object in CloudFormation)
# has sessionType Standard_Stream and inputs: s3BucketName / s3EncryptionEnabled and
# cloudWatchLogGroupName / cloudWatchEncryptionEnabled. Other documents are not judged.
document_type := lib.attr("document_type")

content := json.unmarshal(lib.attr("content")) if {
	is_string(lib.attr("content"))
	json.is_valid(lib.attr("content"))
} else := aws_audit_ssm_yaml if {
	# document_format = "YAML": the content is YAML text.
	is_object(aws_audit_ssm_yaml)
} else := lib.attr("content") if {
	is_object(lib.attr("content"))
	not lib.is_unknown(lib.attr("content"))
} else := {}

session_document if {
	is_string(document_type)
	lower(document_type) == "session"
}

aws_audit_ssm_yaml := yaml.unmarshal(lib.attr("content")) if {
	is_string(lib.attr("content"))
	yaml.is_valid(lib.attr("content"))
}

deny contains {"not_applicable": true} if not session_document

deny contains {"not_applicable": true} if {
	is_string(session_type)
	session_type != "Standard_Stream"
}

inputs := object.get(content, "inputs", {})

# A template's Content reaches the rules with its keys in snake_case (s3_bucket_name); Terraform's and
# Pulumi's JSON keeps the document's own camelCase (s3BucketName).
aws_audit_ssm_get(object_value, camel, snake) := object.get(object_value, camel, object.get(object_value, snake, null))

session_type := object.get(content, "sessionType", object.get(content, "session_type", "Standard_Stream"))

s3_logged if lib.is_set(aws_audit_ssm_get(inputs, "s3BucketName", "s3_bucket_name"))

cloudwatch_logged if lib.is_set(aws_audit_ssm_get(inputs, "cloudWatchLogGroupName", "cloud_watch_log_group_name"))

s3_encrypted := aws_audit_ssm_get(inputs, "s3EncryptionEnabled", "s3_encryption_enabled")

cloudwatch_encrypted := aws_audit_ssm_get(inputs, "cloudWatchEncryptionEnabled", "cloud_watch_encryption_enabled")

aws_audit_ssm_true(value) if lib.is_true(value)

deny contains lib.violation(["content"], msg) if {
	session_document
	not lib.is_unknown(lib.attr("content"))
	session_type == "Standard_Stream"
	not s3_logged
	not cloudwatch_logged
	msg := "Session Manager logs no sessions: content inputs s3BucketName and cloudWatchLogGroupName are not set, required one of them, encrypted"
}

deny contains lib.violation(["content"], msg) if {
	session_document
	s3_logged
	not aws_audit_ssm_true(s3_encrypted)
	msg := concat("", ["Session Manager session logs in S3 are not encrypted: content inputs s3EncryptionEnabled is ", lib.show(s3_encrypted), ", required true"])
}

deny contains lib.violation(["content"], msg) if {
	session_document
	cloudwatch_logged
	not aws_audit_ssm_true(cloudwatch_encrypted)
	msg := concat("", ["Session Manager session logs in CloudWatch Logs are not encrypted: content inputs cloudWatchEncryptionEnabled is ", lib.show(cloudwatch_encrypted), ", required true"])
}

# The content unknown until apply (a templatefile of unknown inputs): reported at its path.
deny contains lib.violation(["content"], msg) if {
	session_document
	lib.is_unknown(lib.attr("content"))
	msg := "Session Manager logging cannot be told: content is unknown until apply, required s3BucketName or cloudWatchLogGroupName with encryption"
}
