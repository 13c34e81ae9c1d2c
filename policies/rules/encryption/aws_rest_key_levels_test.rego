# Unit tests of ENC-ATHENA-003, ENC-ATHENA-004, ENC-GLUE-005 and ENC-EC2-008: the customer-managed-key level
# of Athena workgroups and databases, Glue security configurations and launch templates (#15 §1).
package iacgate.rules.encryption.aws_rest_key_levels_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_athena_database_cmk
import data.iacgate.rules.encryption.aws_rest_athena_workgroup_cmk
import data.iacgate.rules.encryption.aws_rest_glue_security_configuration_cmk
import data.iacgate.rules.encryption.aws_rest_launch_template_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

levels_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

levels_workgroup(encryption) := testing.resource("aws_athena_workgroup", {"configuration": [{"result_configuration": [{"output_location": "s3://results/", "encryption_configuration": [encryption]}]}]})

test_athena_workgroup_levels if {
	subject := levels_workgroup({"encryption_option": "SSE_KMS", "kms_key_arn": levels_key})
	count(aws_rest_athena_workgroup_cmk.deny) == 0 with input.resource as subject
	subject2 := levels_workgroup({"encryption_option": "SSE_S3"})
	some s3 in aws_rest_athena_workgroup_cmk.deny with input.resource as subject2
	s3.path == ["configuration", 0, "result_configuration", 0, "encryption_configuration", 0, "encryption_option"]
	subject3 := levels_workgroup({"encryption_option": "CSE_KMS", "kms_key_arn": "alias/aws/s3"})
	some managed in aws_rest_athena_workgroup_cmk.deny with input.resource as subject3
	managed.path == ["configuration", 0, "result_configuration", 0, "encryption_configuration", 0, "kms_key_arn"]
	subject4 := testing.resource("aws_athena_workgroup", {"name": "w"})
	count(aws_rest_athena_workgroup_cmk.deny) == 1 with input.resource as subject4
}

test_athena_database_levels if {
	subject := testing.resource("aws_athena_database", {"encryption_configuration": [{"encryption_option": "SSE_KMS", "kms_key": levels_key}]})
	count(aws_rest_athena_database_cmk.deny) == 0 with input.resource as subject
	subject2 := testing.resource("aws_athena_database", {"encryption_configuration": [{"encryption_option": "SSE_S3"}]})
	count(aws_rest_athena_database_cmk.deny) == 1 with input.resource as subject2
	subject3 := testing.resource("aws_athena_database", {"encryption_configuration": [{"encryption_option": "SSE_KMS", "kms_key": "alias/aws/s3"}]})
	count(aws_rest_athena_database_cmk.deny) == 1 with input.resource as subject3
	subject4 := testing.resource("aws_athena_database", {})
	count(aws_rest_athena_database_cmk.deny) == 1 with input.resource as subject4
}

levels_glue(s3_mode, s3_key) := testing.resource("aws_glue_security_configuration", {"encryption_configuration": [{
	"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": levels_key}],
	"job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "CSE-KMS", "kms_key_arn": levels_key}],
	"s3_encryption": [{"s3_encryption_mode": s3_mode, "kms_key_arn": s3_key}],
}]})

test_glue_security_configuration_levels if {
	subject := levels_glue("SSE-KMS", levels_key)
	count(aws_rest_glue_security_configuration_cmk.deny) == 0 with input.resource as subject
	subject2 := levels_glue("SSE-S3", null)
	some s3 in aws_rest_glue_security_configuration_cmk.deny with input.resource as subject2
	s3.path == ["encryption_configuration", 0, "s3_encryption", 0, "s3_encryption_mode"]
	subject3 := levels_glue("SSE-KMS", "alias/aws/glue")
	some managed in aws_rest_glue_security_configuration_cmk.deny with input.resource as subject3
	managed.path == ["encryption_configuration", 0, "s3_encryption", 0, "kms_key_arn"]
	subject4 := testing.resource("aws_glue_security_configuration", {})
	count(aws_rest_glue_security_configuration_cmk.deny) == 1 with input.resource as subject4
}

levels_template(ebs) := testing.resource("aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/sdf", "ebs": [ebs]}]})

test_launch_template_levels if {
	subject := levels_template({"encrypted": true, "kms_key_id": levels_key})
	count(aws_rest_launch_template_cmk.deny) == 0 with input.resource as subject
	subject2 := levels_template({"encrypted": true})
	some missing in aws_rest_launch_template_cmk.deny with input.resource as subject2
	missing.path == ["block_device_mappings", 0, "ebs", 0, "kms_key_id"]
	subject3 := levels_template({"snapshot_id": "snap-0a1b2c3d4e5f60718"})
	some snapshot in aws_rest_launch_template_cmk.deny with input.resource as subject3
	snapshot.status == "undetermined"
	subject4 := testing.resource("aws_launch_template", {"image_id": "ami-0c1a7f1e2d3b4c5a6"})
	some skipped in aws_rest_launch_template_cmk.deny with input.resource as subject4
	skipped.not_applicable
}

# A mapping without device_name (a dynamic block's, say) is not "block device not set".
test_unnamed_device_is_said_so if {
	subject := testing.resource("aws_launch_template", {"block_device_mappings": [{"ebs": [{"encrypted": true}]}]})
	some missing in aws_rest_launch_template_cmk.deny with input.resource as subject
	contains(missing.message, "kms_key_id of block device without a device name is not set")
	subject2 := levels_template({"encrypted": true})
	some named in aws_rest_launch_template_cmk.deny with input.resource as subject2
	contains(named.message, "kms_key_id of block device /dev/sdf is not set")
}

test_unknown_settings_are_undetermined if {
	subject := testing.resource("aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/sdf", "ebs": testing.unknown}]})
	some ebs in aws_rest_launch_template_cmk.deny with input.resource as subject
	ebs.status == "undetermined"
	not {"not_applicable": true} in aws_rest_launch_template_cmk.deny with input.resource as subject
	subject2 := testing.resource("aws_glue_security_configuration", {"encryption_configuration": [{
		"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "SSE-KMS", "kms_key_arn": levels_key}],
		"job_bookmarks_encryption": testing.unknown,
		"s3_encryption": [{"s3_encryption_mode": "SSE-KMS", "kms_key_arn": levels_key}],
	}]})
	some glue in aws_rest_glue_security_configuration_cmk.deny with input.resource as subject2
	glue.status == "undetermined"
}
