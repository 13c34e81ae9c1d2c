# Unit tests of the AWS service rules that read nested settings (ECR, CodeBuild artifacts, EKS, WorkSpaces, EMR).
package iacgate.rules.encryption.aws_svc_settings_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_svc_athena_database_encryption
import data.iacgate.rules.encryption.aws_svc_athena_workgroup_encryption
import data.iacgate.rules.encryption.aws_svc_codebuild_artifacts_encrypted
import data.iacgate.rules.encryption.aws_svc_ecr_repository_cmk
import data.iacgate.rules.encryption.aws_svc_eks_secrets_cmk
import data.iacgate.rules.encryption.aws_svc_emr_at_rest
import data.iacgate.rules.encryption.aws_svc_emr_in_transit
import data.iacgate.rules.encryption.aws_svc_glue_catalog_cmk
import data.iacgate.rules.encryption.aws_svc_glue_connection_passwords
import data.iacgate.rules.encryption.aws_svc_glue_security_configuration
import data.iacgate.rules.encryption.aws_svc_workspaces_volumes_cmk
import rego.v1

settings_cmk := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

settings_cfn(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"format": "cloudformation"})

test_ecr_default_fails_on_the_resource if {
	some result in aws_svc_ecr_repository_cmk.deny with input.resource as testing.resource("aws_ecr_repository", {"name": "app"})
		with input.related as []
	result.path == ["encryption_configuration"]

	# The attribute stands before "is": the engine renders it in a template's and a stack's own names.
	contains(result.message, "encryption_configuration is not set")
}

test_ecr_aes256_fails_at_encryption_type if {
	some result in aws_svc_ecr_repository_cmk.deny with input.resource as testing.resource("aws_ecr_repository", {"encryption_configuration": [{"encryption_type": "AES256"}]})
		with input.related as []
	result.path == ["encryption_configuration", 0, "encryption_type"]
	contains(result.message, "encryption_type is AES256")
}

test_ecr_kms_without_key_fails_at_kms_key if {
	some result in aws_svc_ecr_repository_cmk.deny with input.resource as settings_cfn("aws_ecr_repository", {"encryption_configuration": {"encryption_type": "KMS"}})
		with input.related as []
	result.path == ["encryption_configuration", 0, "kms_key"]
}

test_ecr_kms_cmk_passes if {
	count(aws_svc_ecr_repository_cmk.deny) == 0 with input.resource as testing.resource("aws_ecr_repository", {"encryption_configuration": [{"encryption_type": "KMS", "kms_key": settings_cmk}]})
		with input.related as []
}

test_codebuild_disabled_artifact_encryption_fails if {
	some result in aws_svc_codebuild_artifacts_encrypted.deny with input.resource as testing.resource("aws_codebuild_project", {"artifacts": [{"type": "S3"}], "secondary_artifacts": [{"type": "S3", "encryption_disabled": true}]})
		with input.related as []
	result.path == ["secondary_artifacts", 0, "encryption_disabled"]
}

test_codebuild_default_artifacts_pass if {
	count(aws_svc_codebuild_artifacts_encrypted.deny) == 0 with input.resource as settings_cfn("aws_codebuild_project", {"artifacts": {"type": "S3", "encryption_disabled": "false"}})
		with input.related as []
}

test_eks_without_encryption_config_fails if {
	some result in aws_svc_eks_secrets_cmk.deny with input.resource as testing.resource("aws_eks_cluster", {"name": "core"})
		with input.related as []
	result.path == ["encryption_config"]
}

test_eks_aws_managed_key_fails_at_provider if {
	some result in aws_svc_eks_secrets_cmk.deny with input.resource as settings_cfn("aws_eks_cluster", {"encryption_config": [{"resources": ["secrets"], "provider": {"key_arn": "alias/aws/eks"}}]})
		with input.related as []
	result.path == ["encryption_config", 0, "provider"]
	contains(result.message, "alias/aws/eks")
}

test_eks_secrets_cmk_passes if {
	count(aws_svc_eks_secrets_cmk.deny) == 0 with input.resource as testing.resource("aws_eks_cluster", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": testing.unknown}]}]})
		with input.related as [testing.key_reference("encryption_config")]
}

# A key from a variable without a value may be an AWS-managed key: undetermined, not a pass.
test_eks_unknown_key_without_a_key_resource_is_undetermined if {
	some result in aws_svc_eks_secrets_cmk.deny with input.resource as testing.resource("aws_eks_cluster", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": testing.unknown}]}]})
		with input.related as []
	result.status == "undetermined"
	result.path == ["encryption_config", 0, "provider"]
}

test_workspace_plain_user_volume_fails if {
	results := aws_svc_workspaces_volumes_cmk.deny with input.resource as testing.resource("aws_workspaces_workspace", {"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": false, "volume_encryption_key": settings_cmk})
		with input.related as []
	{result.path | some result in results} == {["user_volume_encryption_enabled"]}
}

test_workspace_encrypted_with_cmk_passes if {
	count(aws_svc_workspaces_volumes_cmk.deny) == 0 with input.resource as testing.resource("aws_workspaces_workspace", {"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": true, "volume_encryption_key": settings_cmk})
		with input.related as []
}

emr_json := "{\"EncryptionConfiguration\": {\"EnableAtRestEncryption\": true, \"EnableInTransitEncryption\": false}}"

test_emr_json_document if {
	count(aws_svc_emr_at_rest.deny) == 0 with input.resource as testing.resource("aws_emr_security_configuration", {"configuration": emr_json})
		with input.related as []
	some result in aws_svc_emr_in_transit.deny with input.resource as testing.resource("aws_emr_security_configuration", {"configuration": emr_json})
		with input.related as []
	contains(result.message, "EnableInTransitEncryption is false")
}

test_emr_cloudformation_object if {
	document := {"encryption_configuration": {"enable_at_rest_encryption": "true", "enable_in_transit_encryption": true}}
	count(aws_svc_emr_at_rest.deny) == 0 with input.resource as settings_cfn("aws_emr_security_configuration", {"configuration": document})
		with input.related as []
	count(aws_svc_emr_in_transit.deny) == 0 with input.resource as settings_cfn("aws_emr_security_configuration", {"configuration": document})
		with input.related as []
}

test_emr_without_encryption_fails if {
	some result in aws_svc_emr_at_rest.deny with input.resource as testing.resource("aws_emr_security_configuration", {"configuration": "{}"})
		with input.related as []
	contains(result.message, "EnableAtRestEncryption is not set")
}

test_glue_catalog_disabled_fails_at_the_mode if {
	settings := [{"encryption_at_rest": [{"catalog_encryption_mode": "DISABLED"}], "connection_password_encryption": [{"return_connection_password_encrypted": false}]}]
	some result in aws_svc_glue_catalog_cmk.deny with input.resource as testing.resource("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": settings})
		with input.related as []
	result.path == ["data_catalog_encryption_settings", 0, "encryption_at_rest", 0, "catalog_encryption_mode"]
	some password in aws_svc_glue_connection_passwords.deny with input.resource as testing.resource("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": settings})
		with input.related as []
	contains(password.message, "return_connection_password_encrypted is false")
}

test_glue_catalog_cmk_passes_in_cloudformation if {
	settings := {"encryption_at_rest": {"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": settings_cmk}, "connection_password_encryption": {"return_connection_password_encrypted": true, "kms_key_id": settings_cmk}}
	count(aws_svc_glue_catalog_cmk.deny) == 0 with input.resource as settings_cfn("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": settings})
		with input.related as []
	count(aws_svc_glue_connection_passwords.deny) == 0 with input.resource as settings_cfn("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": settings})
		with input.related as []
}

test_glue_catalog_aws_managed_key_fails if {
	settings := [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS"}]}]
	some result in aws_svc_glue_catalog_cmk.deny with input.resource as testing.resource("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": settings})
		with input.related as []
	result.path == ["data_catalog_encryption_settings", 0, "encryption_at_rest", 0, "sse_aws_kms_key_id"]
}

test_glue_security_configuration_cloudformation_omitted_setting_fails if {
	config := {"cloud_watch_encryption": {"cloud_watch_encryption_mode": "SSE-KMS"}, "s3_encryptions": [{"s3_encryption_mode": "SSE-S3"}]}
	results := aws_svc_glue_security_configuration.deny with input.resource as settings_cfn("aws_glue_security_configuration", {"encryption_configuration": config})
		with input.related as []
	count(results) == 1
	some result in results
	contains(result.message, "job_bookmarks_encryption is not set")
}

test_glue_security_configuration_disabled_mode_fails if {
	config := [{"cloudwatch_encryption": [{"cloudwatch_encryption_mode": "DISABLED"}], "job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": "CSE-KMS"}], "s3_encryption": [{"s3_encryption_mode": "SSE-KMS"}]}]
	some result in aws_svc_glue_security_configuration.deny with input.resource as testing.resource("aws_glue_security_configuration", {"encryption_configuration": config})
		with input.related as []
	result.path == ["encryption_configuration", 0, "cloudwatch_encryption", 0, "cloudwatch_encryption_mode"]
}

test_athena_workgroup_without_result_encryption_fails if {
	some result in aws_svc_athena_workgroup_encryption.deny with input.resource as testing.resource("aws_athena_workgroup", {"configuration": [{"result_configuration": [{"output_location": "s3://r/"}]}]})
		with input.related as []
	result.path == ["configuration", 0, "result_configuration", 0, "encryption_configuration"]
}

test_athena_workgroup_not_enforced_fails if {
	config := {"enforce_work_group_configuration": "false", "result_configuration": {"encryption_configuration": {"encryption_option": "SSE_S3"}}}
	some result in aws_svc_athena_workgroup_encryption.deny with input.resource as settings_cfn("aws_athena_workgroup", {"configuration": config})
		with input.related as []
	result.path == ["configuration", 0, "enforce_work_group_configuration"]
}

test_athena_workgroup_encrypted_passes if {
	config := [{"result_configuration": [{"encryption_configuration": [{"encryption_option": "SSE_KMS", "kms_key_arn": settings_cmk}]}]}]
	count(aws_svc_athena_workgroup_encryption.deny) == 0 with input.resource as testing.resource("aws_athena_workgroup", {"configuration": config})
		with input.related as []
}

test_athena_database if {
	count(aws_svc_athena_database_encryption.deny) == 1 with input.resource as testing.resource("aws_athena_database", {"name": "db"})
		with input.related as []
	count(aws_svc_athena_database_encryption.deny) == 0 with input.resource as testing.resource("aws_athena_database", {"encryption_configuration": [{"encryption_option": "SSE_S3"}]})
		with input.related as []
}

# The engine reports a violation whose path reaches an unknown value as undetermined.
test_emr_unknown_configuration_points_at_it if {
	some result in aws_svc_emr_at_rest.deny with input.resource as testing.resource("aws_emr_security_configuration", {"configuration": testing.unknown})
		with input.related as []
	result.path == ["configuration"]
}

# A key read from data "aws_kms_alias" that looks up alias/aws/*: AWS-managed, failed though the ARN is
# unknown until the data source is read (decided by the data source, not undetermined).
settings_alias_data(attribute, alias) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(testing.resource("aws_kms_alias", {"name": alias}), {"id": "data.aws_kms_alias.k", "mode": "data"}),
}

test_workspace_key_from_aws_managed_alias_data_source_fails if {
	some result in aws_svc_workspaces_volumes_cmk.deny with input.resource as testing.resource("aws_workspaces_workspace", {"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": true, "volume_encryption_key": testing.unknown})
		with input.related as [settings_alias_data("volume_encryption_key", "alias/aws/workspaces")]
	result.path == ["volume_encryption_key"]
	result.decided == true
}

test_ecr_key_from_aws_managed_alias_data_source_fails if {
	some result in aws_svc_ecr_repository_cmk.deny with input.resource as testing.resource("aws_ecr_repository", {"encryption_configuration": [{"encryption_type": "KMS", "kms_key": testing.unknown}]})
		with input.related as [settings_alias_data("encryption_configuration", "alias/aws/ecr")]
	result.path == ["encryption_configuration", 0, "kms_key"]
	result.decided == true
}

test_glue_catalog_key_from_customer_alias_data_source_passes if {
	count(aws_svc_glue_catalog_cmk.deny) == 0 with input.resource as testing.resource("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": testing.unknown}]}]})
		with input.related as [settings_alias_data("data_catalog_encryption_settings", "alias/glue-catalog")]
}

test_glue_catalog_key_from_aws_managed_alias_data_source_fails if {
	some result in aws_svc_glue_catalog_cmk.deny with input.resource as testing.resource("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS", "sse_aws_kms_key_id": testing.unknown}]}]})
		with input.related as [settings_alias_data("data_catalog_encryption_settings", "alias/aws/glue")]
	result.decided == true
}
