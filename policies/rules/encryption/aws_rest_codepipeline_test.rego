# Unit tests of ENC-CODEPIPELINE-001.
package iacgate.rules.encryption.aws_rest_codepipeline_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_codepipeline_cmk
import rego.v1

rest_pipeline_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_store_without_key_fails_at_encryption_key if {
	some result in aws_rest_codepipeline_cmk.deny with input.resource as testing.resource("aws_codepipeline", {"artifact_store": [{"location": "b", "type": "S3"}]})
		with input.related as []
	result.path == ["artifact_store", 0, "encryption_key"]
}

test_every_regional_store_is_judged if {
	count(aws_rest_codepipeline_cmk.deny) == 1 with input.resource as testing.resource("aws_codepipeline", {"artifact_store": [
		{"region": "eu-west-1", "encryption_key": [{"id": rest_pipeline_key, "type": "KMS"}]},
		{"region": "eu-central-1", "encryption_key": [{"id": "alias/aws/s3", "type": "KMS"}]},
	]})
		with input.related as []
}

test_cloudformation_artifact_stores if {
	some result in aws_rest_codepipeline_cmk.deny with input.resource as object.union(testing.resource("aws_codepipeline", {"artifact_stores": [{"region": "eu-west-1", "artifact_store": {"location": "b", "type": "S3"}}]}), {"format": "cloudformation"})
		with input.related as []
	result.path == ["artifact_stores", 0, "artifact_store", "encryption_key"]
	count(aws_rest_codepipeline_cmk.deny) == 0 with input.resource as object.union(testing.resource("aws_codepipeline", {"artifact_store": {"encryption_key": {"id": rest_pipeline_key}}}), {"format": "cloudformation"})
		with input.related as []
}

test_unknown_artifact_store_is_not_a_pass if {
	some result in aws_rest_codepipeline_cmk.deny with input.resource as testing.resource("aws_codepipeline", {"artifact_store": testing.unknown})
		with input.related as []
	result.path == ["artifact_store"]
}
