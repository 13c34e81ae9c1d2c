# Unit tests of ENC-S3-004, ENC-IMAGEBUILDER-002, ENC-IMAGEBUILDER-003 and ENC-IMAGEBUILDER-004.
package iacgate.rules.encryption.aws_rest_objects_recipes_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_imagebuilder_distribution_cmk
import data.iacgate.rules.encryption.aws_rest_imagebuilder_recipe_cmk
import data.iacgate.rules.encryption.aws_rest_imagebuilder_recipe_encrypted
import data.iacgate.rules.encryption.aws_rest_s3_object_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

objects_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_s3_object if {
	subject := testing.resource("aws_s3_object", {"bucket": "b", "key": "k"})
	some skipped in aws_rest_s3_object_cmk.deny with input.resource as subject
	skipped.not_applicable
	subject2 := testing.resource("aws_s3_object", {"server_side_encryption": "AES256"})
	some sse_s3 in aws_rest_s3_object_cmk.deny with input.resource as subject2
	sse_s3.path == ["server_side_encryption"]
	subject3 := testing.resource("aws_s3_object_copy", {"server_side_encryption": "aws:kms"})
	count(aws_rest_s3_object_cmk.deny) == 1 with input.resource as subject3
	subject4 := testing.resource("aws_s3_object", {"server_side_encryption": "aws:kms", "kms_key_id": "alias/aws/s3"})
	count(aws_rest_s3_object_cmk.deny) == 1 with input.resource as subject4
	subject5 := testing.resource("aws_s3_object", {"server_side_encryption": "aws:kms", "kms_key_id": objects_key})
	count(aws_rest_s3_object_cmk.deny) == 0 with input.resource as subject5
}

objects_recipe(ebs) := testing.resource("aws_imagebuilder_image_recipe", {"block_device_mapping": [{"device_name": "/dev/xvda", "ebs": [ebs]}]})

test_image_recipe_levels if {
	subject := testing.resource("aws_imagebuilder_image_recipe", {"name": "r"})
	some skipped in aws_rest_imagebuilder_recipe_encrypted.deny with input.resource as subject
	skipped.not_applicable
	subject2 := objects_recipe({"encrypted": false})
	some plain in aws_rest_imagebuilder_recipe_encrypted.deny with input.resource as subject2
	plain.path == ["block_device_mapping", 0, "ebs", 0, "encrypted"]
	subject3 := objects_recipe({"encrypted": true})
	count(aws_rest_imagebuilder_recipe_encrypted.deny) == 0 with input.resource as subject3
	some default_key in aws_rest_imagebuilder_recipe_cmk.deny with input.resource as subject3
	default_key.path == ["block_device_mapping", 0, "ebs", 0, "kms_key_id"]
	subject4 := objects_recipe({"encrypted": true, "kms_key_id": objects_key})
	count(aws_rest_imagebuilder_recipe_cmk.deny) == 0 with input.resource as subject4
	subject5 := testing.resource("aws_imagebuilder_image_recipe", {"block_device_mapping": testing.unknown})
	some unknown in aws_rest_imagebuilder_recipe_cmk.deny with input.resource as subject5
	unknown.status == "undetermined"
}

objects_distribution(settings) := testing.resource("aws_imagebuilder_distribution_configuration", {"distribution": [{"region": "eu-central-1", "ami_distribution_configuration": [settings]}]})

test_image_distribution if {
	subject := objects_distribution({"kms_key_id": objects_key})
	count(aws_rest_imagebuilder_distribution_cmk.deny) == 0 with input.resource as subject
	subject2 := objects_distribution({"kms_key_id": "alias/aws/ebs"})
	some managed in aws_rest_imagebuilder_distribution_cmk.deny with input.resource as subject2
	managed.path == ["distribution", 0, "ami_distribution_configuration", 0, "kms_key_id"]
	not managed.status
	subject3 := objects_distribution({"name": "golden"})
	some unset in aws_rest_imagebuilder_distribution_cmk.deny with input.resource as subject3
	unset.status == "undetermined"
	subject4 := testing.resource("aws_imagebuilder_distribution_configuration", {"distribution": [{"region": "eu-west-1", "container_distribution_configuration": [{"target_repository": [{"repository_name": "r", "service": "ECR"}]}]}]})
	some skipped in aws_rest_imagebuilder_distribution_cmk.deny with input.resource as subject4
	skipped.not_applicable
}
