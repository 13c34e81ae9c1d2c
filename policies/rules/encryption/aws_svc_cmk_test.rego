# Unit tests of the AWS service rules whose whole question is one key attribute naming a customer-managed key.
package iacgate.rules.encryption.aws_svc_cmk_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_svc_backup_vault_cmk
import data.iacgate.rules.encryption.aws_svc_cloudwatch_log_group_cmk
import data.iacgate.rules.encryption.aws_svc_codebuild_project_cmk
import data.iacgate.rules.encryption.aws_svc_sagemaker_endpoint_cmk
import data.iacgate.rules.encryption.aws_svc_sagemaker_notebook_cmk
import data.iacgate.rules.encryption.aws_svc_secretsmanager_cmk
import data.iacgate.rules.encryption.aws_svc_ssm_parameter_cmk
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters:
# regopy 1.5.2 compiles a `with` whose value is written out (a function call, even `[]`) several times
# larger, and each `with` clause over the rules again. These rules and the library read input.related only
# through `some entry in input.related`, which an input without it answers as an empty list does. This
# file ran out of the 4 GB a test file may use with the calls and `with input.related as []` written
# there; 4.2 GB or more with variables alone, 2.35 GB so.
cmk_arn := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_secret_without_key_fails_at_kms_key_id if {
	subject := testing.resource("aws_secretsmanager_secret", {"name": "db"})
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
	contains(result.message, "kms_key_id is not set")
}

test_secret_with_aws_managed_key_fails if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": "alias/aws/secretsmanager"})
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
	contains(result.message, "alias/aws/secretsmanager")
}

test_secret_with_cmk_or_unknown_key_passes if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": cmk_arn})
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as subject
	subject2 := testing.resource("aws_secretsmanager_secret", {"kms_key_id": testing.unknown})
	related := [testing.key_reference("kms_key_id")]
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as subject2
		with input.related as related
	some undetermined in aws_svc_secretsmanager_cmk.deny with input.resource as subject2
	undetermined.status == "undetermined"
}

# Each replica is encrypted with its own key: aws/secretsmanager of its region when it names none.
test_secret_replica_without_key_fails_at_the_replica if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": cmk_arn, "replica": [{"region": "eu-central-1"}]})
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
	result.path == ["replica", 0, "kms_key_id"]
	contains(result.message, "replica.kms_key_id is not set")
}

test_secret_replica_with_aws_managed_key_fails if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": cmk_arn, "replica": [{"region": "eu-central-1", "kms_key_id": "alias/aws/secretsmanager"}]})
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
	result.path == ["replica", 0, "kms_key_id"]
}

test_secret_replica_regions_of_a_template_are_judged if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": cmk_arn, "replica_regions": [{"region": "eu-central-1"}]})
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
	result.path == ["replica_regions", 0, "kms_key_id"]
}

test_secret_unknown_replicas_are_undetermined if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": cmk_arn, "replica": testing.unknown})
	some result in aws_svc_secretsmanager_cmk.deny with input.resource as subject
	result.path == ["replica"]
	result.status == "undetermined"
}

test_secret_replica_with_cmk_passes if {
	subject := testing.resource("aws_secretsmanager_secret", {"kms_key_id": cmk_arn, "replica": {"region": "eu-central-1", "kms_key_id": cmk_arn}})
	count(aws_svc_secretsmanager_cmk.deny) == 0 with input.resource as subject
}

test_log_group_without_key_fails if {
	subject := testing.resource("aws_cloudwatch_log_group", {"name": "app"})
	count(aws_svc_cloudwatch_log_group_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_cloudwatch_log_group", {"kms_key_id": cmk_arn})
	count(aws_svc_cloudwatch_log_group_cmk.deny) == 0 with input.resource as subject2
}

test_backup_vault_key if {
	subject := testing.resource("aws_backup_vault", {"kms_key_arn": "alias/aws/backup"})
	count(aws_svc_backup_vault_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_backup_vault", {"kms_key_arn": cmk_arn})
	count(aws_svc_backup_vault_cmk.deny) == 0 with input.resource as subject2
}

test_codebuild_project_key if {
	subject := testing.resource("aws_codebuild_project", {"name": "build"})
	some result in aws_svc_codebuild_project_cmk.deny with input.resource as subject
	result.path == ["encryption_key"]
	subject2 := testing.resource("aws_codebuild_project", {"encryption_key": cmk_arn})
	count(aws_svc_codebuild_project_cmk.deny) == 0 with input.resource as subject2
}

test_notebook_key if {
	subject := testing.resource("aws_sagemaker_notebook_instance", {"name": "nb"})
	count(aws_svc_sagemaker_notebook_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_sagemaker_notebook_instance", {"kms_key_id": cmk_arn})
	count(aws_svc_sagemaker_notebook_cmk.deny) == 0 with input.resource as subject2
}

test_secure_string_without_cmk_fails if {
	subject := testing.resource("aws_ssm_parameter", {"type": "SecureString"})
	some result in aws_svc_ssm_parameter_cmk.deny with input.resource as subject
	result.path == ["key_id"]
}

test_plain_string_parameter_is_not_judged if {
	subject := testing.resource("aws_ssm_parameter", {"type": "String"})
	aws_svc_ssm_parameter_cmk.deny == {{"not_applicable": true}} with input.resource as subject
}

# CloudFormation cannot create a SecureString: a template's parameter whose Type is unknown (a parameter
# without a value) is plain, not undetermined.
test_template_parameter_of_unknown_type_is_not_judged if {
	subject := object.union(testing.resource("aws_ssm_parameter", {"type": testing.unknown}), {"format": "cloudformation"})
	aws_svc_ssm_parameter_cmk.deny == {{"not_applicable": true}} with input.resource as subject
}

test_secure_string_parameter_with_cmk_passes if {
	subject := testing.resource("aws_ssm_parameter", {"type": "SecureString", "key_id": cmk_arn})
	count(aws_svc_ssm_parameter_cmk.deny) == 0 with input.resource as subject
}

test_parameter_type_unknown_is_undetermined if {
	subject := testing.resource("aws_ssm_parameter", {"type": testing.unknown})
	results := aws_svc_ssm_parameter_cmk.deny with input.resource as subject
	count(results) == 1
	some result in results
	result.path == ["type"]
	result.status == "undetermined"
}

instance_variant := {"variant_name": "primary", "instance_type": "ml.m5.large"}

serverless_variant := {"variant_name": "primary", "serverless_config": [{"max_concurrency": 5}]}

test_endpoint_configuration_without_key_fails if {
	subject := testing.resource("aws_sagemaker_endpoint_configuration", {"production_variants": [instance_variant]})
	some result in aws_svc_sagemaker_endpoint_cmk.deny with input.resource as subject
	result.path == ["kms_key_arn"]
}

test_serverless_endpoint_configuration_is_not_judged if {
	subject := testing.resource("aws_sagemaker_endpoint_configuration", {"production_variants": [serverless_variant]})
	count(aws_svc_sagemaker_endpoint_cmk.deny) == 0 with input.resource as subject
}

test_mixed_endpoint_configuration_is_judged if {
	subject := testing.resource("aws_sagemaker_endpoint_configuration", {"production_variants": [serverless_variant, instance_variant]})
	count(aws_svc_sagemaker_endpoint_cmk.deny) == 1 with input.resource as subject
}

# CreateEndpointConfig refuses a KMS key when any variant runs on an instance with local NVMe storage
# (encrypted by the instance's hardware module): such a configuration is not judged.
test_local_storage_endpoint_configuration_is_not_judged if {
	subject := testing.resource("aws_sagemaker_endpoint_configuration", {"production_variants": [instance_variant, {"variant_name": "gpu", "instance_type": "ml.g4dn.xlarge"}]})
	aws_svc_sagemaker_endpoint_cmk.deny == {{"not_applicable": true}} with input.resource as subject
}

test_gpu_family_with_local_storage_is_not_judged if {
	subject := testing.resource("aws_sagemaker_endpoint_configuration", {"production_variants": [{"variant_name": "gpu", "instance_type": "ml.g5.2xlarge"}]})
	aws_svc_sagemaker_endpoint_cmk.deny == {{"not_applicable": true}} with input.resource as subject
}

test_instance_without_local_storage_is_judged if {
	subject := testing.resource("aws_sagemaker_endpoint_configuration", {"production_variants": [{"variant_name": "cpu", "instance_type": "ml.c6i.xlarge"}]})
	some result in aws_svc_sagemaker_endpoint_cmk.deny with input.resource as subject
	result.path == ["kms_key_arn"]
}
