# Unit tests of ENC-S3-004, ENC-IMAGEBUILDER-002, ENC-IMAGEBUILDER-003 and ENC-IMAGEBUILDER-004.
package iacgate.rules.encryption.aws_rest_objects_recipes_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_imagebuilder_distribution_cmk
import data.iacgate.rules.encryption.aws_rest_imagebuilder_recipe_cmk
import data.iacgate.rules.encryption.aws_rest_imagebuilder_recipe_encrypted
import data.iacgate.rules.encryption.aws_rest_s3_object_cmk
import rego.v1

objects_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_s3_object if {
	some skipped in aws_rest_s3_object_cmk.deny with input.resource as testing.resource("aws_s3_object", {"bucket": "b", "key": "k"})
		with input.related as []
	skipped.not_applicable
	some sse_s3 in aws_rest_s3_object_cmk.deny with input.resource as testing.resource("aws_s3_object", {"server_side_encryption": "AES256"})
		with input.related as []
	sse_s3.path == ["server_side_encryption"]
	count(aws_rest_s3_object_cmk.deny) == 1 with input.resource as testing.resource("aws_s3_object_copy", {"server_side_encryption": "aws:kms"})
		with input.related as []
	count(aws_rest_s3_object_cmk.deny) == 1 with input.resource as testing.resource("aws_s3_object", {"server_side_encryption": "aws:kms", "kms_key_id": "alias/aws/s3"})
		with input.related as []
	count(aws_rest_s3_object_cmk.deny) == 0 with input.resource as testing.resource("aws_s3_object", {"server_side_encryption": "aws:kms", "kms_key_id": objects_key})
		with input.related as []
}

objects_recipe(ebs) := testing.resource("aws_imagebuilder_image_recipe", {"block_device_mapping": [{"device_name": "/dev/xvda", "ebs": [ebs]}]})

test_image_recipe_levels if {
	some skipped in aws_rest_imagebuilder_recipe_encrypted.deny with input.resource as testing.resource("aws_imagebuilder_image_recipe", {"name": "r"})
		with input.related as []
	skipped.not_applicable
	some plain in aws_rest_imagebuilder_recipe_encrypted.deny with input.resource as objects_recipe({"encrypted": false})
		with input.related as []
	plain.path == ["block_device_mapping", 0, "ebs", 0, "encrypted"]
	count(aws_rest_imagebuilder_recipe_encrypted.deny) == 0 with input.resource as objects_recipe({"encrypted": true})
		with input.related as []
	some default_key in aws_rest_imagebuilder_recipe_cmk.deny with input.resource as objects_recipe({"encrypted": true})
		with input.related as []
	default_key.path == ["block_device_mapping", 0, "ebs", 0, "kms_key_id"]
	count(aws_rest_imagebuilder_recipe_cmk.deny) == 0 with input.resource as objects_recipe({"encrypted": true, "kms_key_id": objects_key})
		with input.related as []
	some unknown in aws_rest_imagebuilder_recipe_cmk.deny with input.resource as testing.resource("aws_imagebuilder_image_recipe", {"block_device_mapping": testing.unknown})
		with input.related as []
	unknown.status == "undetermined"
}

objects_distribution(settings) := testing.resource("aws_imagebuilder_distribution_configuration", {"distribution": [{"region": "eu-central-1", "ami_distribution_configuration": [settings]}]})

test_image_distribution if {
	count(aws_rest_imagebuilder_distribution_cmk.deny) == 0 with input.resource as objects_distribution({"kms_key_id": objects_key})
		with input.related as []
	some managed in aws_rest_imagebuilder_distribution_cmk.deny with input.resource as objects_distribution({"kms_key_id": "alias/aws/ebs"})
		with input.related as []
	managed.path == ["distribution", 0, "ami_distribution_configuration", 0, "kms_key_id"]
	not managed.status
	some unset in aws_rest_imagebuilder_distribution_cmk.deny with input.resource as objects_distribution({"name": "golden"})
		with input.related as []
	unset.status == "undetermined"
	some skipped in aws_rest_imagebuilder_distribution_cmk.deny with input.resource as testing.resource("aws_imagebuilder_distribution_configuration", {"distribution": [{"region": "eu-west-1", "container_distribution_configuration": [{"target_repository": [{"repository_name": "r", "service": "ECR"}]}]}]})
		with input.related as []
	skipped.not_applicable
}
