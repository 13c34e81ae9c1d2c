"""Fixtures of the AWS service encryption rules of the aws_svc group (issue 5), in all four formats.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs; a resource a format cannot declare (an SSM SecureString or an Athena
database in CloudFormation) leaves that part out. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_svc/generate_fixtures.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import UNKNOWN, Case, Parameter, Ref, write

PACK = "encryption"
PROJECT = "awssvc"
KEY = Ref("aws_kms_key.cmk", "arn")
ROLE = "arn:aws:iam::482913057716:role/service"
LITERAL_KEY = "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"


def kms_key() -> Case:
    description = "service data at rest"
    return Case(
        "aws_kms_key",
        "cmk",
        {"description": description, "enable_key_rotation": True},
        ("AWS::KMS::Key", {"Description": description, "EnableKeyRotation": True}),
        ("aws:kms/key:Key", {"description": description, "enableKeyRotation": True}),
    )


def resource(
    tf_type: str,
    name: str,
    cfn_type: str | None,
    token: str,
    tf: dict[str, Any],
    cfn: dict[str, Any],
    pulumi: dict[str, Any],
    blocks: tuple[str, ...] = (),
) -> Case:
    return Case(tf_type, name, tf, (cfn_type, cfn) if cfn_type else None, (token, pulumi), blocks=blocks)


def keyed(tf_type: str, cfn_type: str, token: str, names: tuple[str, str, str], base: dict[str, Any]) -> Any:
    """A builder of resources whose only setting under test is one key attribute, named per format."""

    def build(name: str, key: Any = None) -> Case:
        label = name.replace("_", "-")
        tf = {"name": label, **base}
        cfn: dict[str, Any] = {"Name": label}
        pulumi: dict[str, Any] = {"name": label}
        if key is not None:
            tf[names[0]], cfn[names[1]], pulumi[names[2]] = key, key, key
        return resource(tf_type, name, cfn_type, token, tf, cfn, pulumi)

    return build


secret = keyed(
    "aws_secretsmanager_secret",
    "AWS::SecretsManager::Secret",
    "aws:secretsmanager/secret:Secret",
    ("kms_key_id", "KmsKeyId", "kmsKeyId"),
    {},
)
log_group = keyed(
    "aws_cloudwatch_log_group",
    "AWS::Logs::LogGroup",
    "aws:cloudwatch/logGroup:LogGroup",
    ("kms_key_id", "KmsKeyId", "kmsKeyId"),
    {},
)
backup_vault = keyed(
    "aws_backup_vault",
    "AWS::Backup::BackupVault",
    "aws:backup/vault:Vault",
    ("kms_key_arn", "EncryptionKeyArn", "kmsKeyArn"),
    {},
)


def kms_alias_data(name: str, alias: str) -> Case:
    """A ``data "aws_kms_alias"`` looking up ``alias``: Terraform HCL only (a plan holds what it read)."""
    return Case("aws_kms_alias", name, {"name": alias}, data=True)


def from_data_source(built: Case, setting: str, alias: str) -> list[Case]:
    """``built`` in HCL only, with ``setting`` replaced by the key a data "aws_kms_alias" looking up ``alias``
    reads (``target_key_arn``); the data source first. Whether that key is AWS-managed is decided by the
    alias it names, though the ARN is known only when the data source is read."""
    source = kms_alias_data(f"key_{built.name.split('_', 1)[1]}", alias)
    ref = Ref(f"data.aws_kms_alias.{source.name}", "target_key_arn")

    def swap(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: ref if key == setting else swap(inner) for key, inner in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return value

    return [
        source,
        replace(built, terraform=swap(built.terraform), cloudformation=None, pulumi=None, in_plan=False),
    ]


REPLICA_REGION = "eu-central-1"
REPLICA_KEY = "arn:aws:kms:eu-central-1:482913057716:key/7c1d3e5f-2a4b-4c6d-8e9f-0a1b2c3d4e5f"


def replicated_secret(name: str, replica_key: Any = None) -> Case:
    """A secret under the customer-managed key, replicated to another region with ``replica_key``."""
    built = secret(name, KEY)
    tf, (cfn_type, cfn), (token, pulumi) = dict(built.terraform or {}), built.cloudformation, built.pulumi
    replica: dict[str, Any] = {"region": REPLICA_REGION}
    cfn_replica: dict[str, Any] = {"Region": REPLICA_REGION}
    pulumi_replica: dict[str, Any] = {"region": REPLICA_REGION}
    if replica_key is not None:
        replica["kms_key_id"] = cfn_replica["KmsKeyId"] = pulumi_replica["kmsKeyId"] = replica_key
    tf["replica"] = [replica]
    built = replace(
        built,
        terraform=tf,
        cloudformation=(cfn_type, {**cfn, "ReplicaRegions": [cfn_replica]}),
        pulumi=(token, {**pulumi, "replicas": [pulumi_replica]}),
        blocks=("replica",),
    )
    # A replica's kms_key_id is optional and computed (the region's aws/secretsmanager): known after apply.
    if replica_key is None:
        return replace(built, plan_values={"replica": [{"region": REPLICA_REGION, "kms_key_id": UNKNOWN}]})
    return built


def ssm_parameter(name: str, kind: str, key: Any = None) -> Case:
    tf: dict[str, Any] = {"name": f"/app/{name}", "type": kind, "value": "placeholder"}
    pulumi: dict[str, Any] = {"name": f"/app/{name}", "type": kind, "value": "placeholder"}
    cfn: dict[str, Any] = {"Name": f"/app/{name}", "Type": kind, "Value": "placeholder"}
    if key is not None:
        tf["key_id"] = pulumi["keyId"] = key
    # CloudFormation cannot create SecureString parameters: only the plain String case is written there.
    built = resource(
        "aws_ssm_parameter",
        name,
        "AWS::SSM::Parameter" if kind == "String" else None,
        "aws:ssm/parameter:Parameter",
        tf,
        cfn,
        pulumi,
    )
    # key_id is optional and computed (the provider reads back alias/aws/ssm): known after apply in a plan.
    return (
        replace(built, plan_values={"key_id": UNKNOWN}) if key is None and kind == "SecureString" else built
    )


def ecr_repository(name: str, kind: str | None = None, key: Any = None, template: bool = False) -> Case:
    """An ECR repository, or (``template``) a repository creation template whose repositories replication
    creates: the same encryption_configuration."""
    label = name.replace("_", "-")
    tf: dict[str, Any] = {"name": label}
    cfn: dict[str, Any] = {"RepositoryName": label}
    pulumi: dict[str, Any] = {"name": label}
    types = ("aws_ecr_repository", "AWS::ECR::Repository", "aws:ecr/repository:Repository")
    if template:
        role = "arn:aws:iam::482913057716:role/ecr-template"
        tf = {"prefix": label, "applied_for": ["REPLICATION"], "custom_role_arn": role}
        cfn = {"Prefix": label, "AppliedFor": ["REPLICATION"], "CustomRoleArn": role}
        pulumi = {"prefix": label, "appliedFors": ["REPLICATION"], "customRoleArn": role}
        types = (
            "aws_ecr_repository_creation_template",
            "AWS::ECR::RepositoryCreationTemplate",
            "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate",
        )
    if kind is not None:
        tf["encryption_configuration"] = [{"encryption_type": kind, **({"kms_key": key} if key else {})}]
        cfn["EncryptionConfiguration"] = {"EncryptionType": kind, **({"KmsKey": key} if key else {})}
        pulumi["encryptionConfigurations"] = [{"encryptionType": kind, **({"kmsKey": key} if key else {})}]
    built = resource(types[0], name, types[1], types[2], tf, cfn, pulumi, ("encryption_configuration",))
    if kind in ("KMS", "KMS_DSSE") and key is None and not template:
        # kms_key is optional and computed (the AWS-managed aws/ecr key): known after apply in a plan.
        return replace(
            built, plan_values={"encryption_configuration": [{"encryption_type": kind, "kms_key": UNKNOWN}]}
        )
    return built


def codebuild_project(
    name: str, key: Any = None, artifacts_off: bool | None = None, secondary_off: bool | None = None
) -> Case:
    label = name.replace("_", "-")
    artifacts: dict[str, Any] = {"type": "S3", "location": "acme-build-artifacts"}
    if artifacts_off is not None:
        artifacts["encryption_disabled"] = artifacts_off
    tf: dict[str, Any] = {
        "name": label,
        "service_role": ROLE,
        "artifacts": [artifacts],
        "environment": [
            {
                "compute_type": "BUILD_GENERAL1_SMALL",
                "image": "aws/codebuild/standard:7.0",
                "type": "LINUX_CONTAINER",
            }
        ],
        "source": [
            {"type": "CODECOMMIT", "location": "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app"}
        ],
    }
    cfn_artifacts: dict[str, Any] = {"Type": "S3", "Location": "acme-build-artifacts"}
    pulumi_artifacts: dict[str, Any] = {"type": "S3", "location": "acme-build-artifacts"}
    if artifacts_off is not None:
        cfn_artifacts["EncryptionDisabled"] = pulumi_artifacts["encryptionDisabled"] = artifacts_off
    cfn: dict[str, Any] = {
        "Name": label,
        "ServiceRole": ROLE,
        "Artifacts": cfn_artifacts,
        "Environment": {
            "ComputeType": "BUILD_GENERAL1_SMALL",
            "Image": "aws/codebuild/standard:7.0",
            "Type": "LINUX_CONTAINER",
        },
        "Source": {"Type": "CODECOMMIT", "Location": tf["source"][0]["location"]},
    }
    pulumi: dict[str, Any] = {
        "name": label,
        "serviceRole": ROLE,
        "artifacts": pulumi_artifacts,
        "environment": {
            "computeType": "BUILD_GENERAL1_SMALL",
            "image": "aws/codebuild/standard:7.0",
            "type": "LINUX_CONTAINER",
        },
        "source": {"type": "CODECOMMIT", "location": tf["source"][0]["location"]},
    }
    if secondary_off is not None:
        tf["secondary_artifacts"] = [
            {
                "type": "S3",
                "location": "acme-build-reports",
                "artifact_identifier": "reports",
                "encryption_disabled": secondary_off,
            }
        ]
        cfn["SecondaryArtifacts"] = [
            {
                "Type": "S3",
                "Location": "acme-build-reports",
                "ArtifactIdentifier": "reports",
                "EncryptionDisabled": secondary_off,
            }
        ]
        pulumi["secondaryArtifacts"] = [
            {
                "type": "S3",
                "location": "acme-build-reports",
                "artifactIdentifier": "reports",
                "encryptionDisabled": secondary_off,
            }
        ]
    if key is not None:
        tf["encryption_key"] = cfn["EncryptionKey"] = pulumi["encryptionKey"] = key
    built = resource(
        "aws_codebuild_project",
        name,
        "AWS::CodeBuild::Project",
        "aws:codebuild/project:Project",
        tf,
        cfn,
        pulumi,
        ("artifacts", "secondary_artifacts", "environment", "source"),
    )
    # encryption_key is optional and computed (the AWS-managed S3 key): known after apply in a plan.
    return replace(built, plan_values={"encryption_key": UNKNOWN}) if key is None else built


def sagemaker_notebook(name: str, key: Any = None) -> Case:
    label = name.replace("_", "-")
    tf: dict[str, Any] = {"name": label, "role_arn": ROLE, "instance_type": "ml.t3.medium"}
    cfn: dict[str, Any] = {"NotebookInstanceName": label, "RoleArn": ROLE, "InstanceType": "ml.t3.medium"}
    pulumi: dict[str, Any] = {"name": label, "roleArn": ROLE, "instanceType": "ml.t3.medium"}
    if key is not None:
        tf["kms_key_id"] = cfn["KmsKeyId"] = pulumi["kmsKeyId"] = key
    return resource(
        "aws_sagemaker_notebook_instance",
        name,
        "AWS::SageMaker::NotebookInstance",
        "aws:sagemaker/notebookInstance:NotebookInstance",
        tf,
        cfn,
        pulumi,
    )


def sagemaker_endpoint_config(
    name: str, key: Any = None, serverless: bool = False, instance_type: str = "ml.m5.large"
) -> Case:
    label = name.replace("_", "-")
    variant: dict[str, Any] = {"variant_name": "primary", "model_name": "scoring"}
    cfn_variant: dict[str, Any] = {"VariantName": "primary", "ModelName": "scoring"}
    pulumi_variant: dict[str, Any] = {"variantName": "primary", "modelName": "scoring"}
    if serverless:
        variant["serverless_config"] = [{"max_concurrency": 5, "memory_size_in_mb": 2048}]
        cfn_variant["ServerlessConfig"] = {"MaxConcurrency": 5, "MemorySizeInMB": 2048}
        pulumi_variant["serverlessConfig"] = {"maxConcurrency": 5, "memorySizeInMb": 2048}
    else:
        variant |= {"initial_instance_count": 1, "instance_type": instance_type}
        cfn_variant |= {"InitialInstanceCount": 1, "InstanceType": instance_type, "InitialVariantWeight": 1}
        pulumi_variant |= {"initialInstanceCount": 1, "instanceType": instance_type}
    tf: dict[str, Any] = {"name": label, "production_variants": [variant]}
    cfn: dict[str, Any] = {"EndpointConfigName": label, "ProductionVariants": [cfn_variant]}
    pulumi: dict[str, Any] = {"name": label, "productionVariants": [pulumi_variant]}
    if key is not None:
        tf["kms_key_arn"] = cfn["KmsKeyId"] = pulumi["kmsKeyArn"] = key
    return resource(
        "aws_sagemaker_endpoint_configuration",
        name,
        "AWS::SageMaker::EndpointConfig",
        "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
        tf,
        cfn,
        pulumi,
        ("production_variants", "serverless_config"),
    )


def eks_cluster(name: str, resources: list[str] | None = None, key: Any = None) -> Case:
    label = name.replace("_", "-")
    subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    tf: dict[str, Any] = {"name": label, "role_arn": ROLE, "vpc_config": [{"subnet_ids": subnets}]}
    cfn: dict[str, Any] = {"Name": label, "RoleArn": ROLE, "ResourcesVpcConfig": {"SubnetIds": subnets}}
    pulumi: dict[str, Any] = {"name": label, "roleArn": ROLE, "vpcConfig": {"subnetIds": subnets}}
    if resources is not None:
        tf["encryption_config"] = [{"resources": resources, "provider": [{"key_arn": key}]}]
        cfn["EncryptionConfig"] = [{"Resources": resources, "Provider": {"KeyArn": key}}]
        pulumi["encryptionConfig"] = {"resources": resources, "provider": {"keyArn": key}}
    return resource(
        "aws_eks_cluster",
        name,
        "AWS::EKS::Cluster",
        "aws:eks/cluster:Cluster",
        tf,
        cfn,
        pulumi,
        ("vpc_config", "encryption_config", "provider"),
    )


def workspace(name: str, root: bool | None, user: bool | None, key: Any = None) -> Case:
    tf: dict[str, Any] = {"directory_id": "d-9067a1b2c3", "bundle_id": "wsb-bh8rsxt14", "user_name": name}
    cfn: dict[str, Any] = {"DirectoryId": "d-9067a1b2c3", "BundleId": "wsb-bh8rsxt14", "UserName": name}
    pulumi: dict[str, Any] = {"directoryId": "d-9067a1b2c3", "bundleId": "wsb-bh8rsxt14", "userName": name}
    if root is not None:
        tf["root_volume_encryption_enabled"] = cfn["RootVolumeEncryptionEnabled"] = root
        pulumi["rootVolumeEncryptionEnabled"] = root
    if user is not None:
        tf["user_volume_encryption_enabled"] = cfn["UserVolumeEncryptionEnabled"] = user
        pulumi["userVolumeEncryptionEnabled"] = user
    if key is not None:
        tf["volume_encryption_key"] = cfn["VolumeEncryptionKey"] = pulumi["volumeEncryptionKey"] = key
    return resource(
        "aws_workspaces_workspace",
        name,
        "AWS::WorkSpaces::Workspace",
        "aws:workspaces/workspace:Workspace",
        tf,
        cfn,
        pulumi,
    )


def emr_security_configuration(name: str, at_rest: bool | None, in_transit: bool | None) -> Case:
    """An EMR security configuration: a JSON document in Terraform and Pulumi, an object in CloudFormation."""
    encryption: dict[str, Any] = {}
    if at_rest is not None:
        encryption["EnableAtRestEncryption"] = at_rest
    if in_transit is not None:
        encryption["EnableInTransitEncryption"] = in_transit
    if at_rest:
        encryption["AtRestEncryptionConfiguration"] = {
            "S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS", "AwsKmsKey": "alias/emr-data"},
            "LocalDiskEncryptionConfiguration": {
                "EncryptionKeyProviderType": "AwsKms",
                "AwsKmsKey": "alias/emr-disk",
            },
        }
    if in_transit:
        encryption["InTransitEncryptionConfiguration"] = {
            "TLSCertificateConfiguration": {
                "CertificateProviderType": "PEM",
                "S3Object": "s3://acme-emr-certs/certs.zip",
            }
        }
    document = {"EncryptionConfiguration": encryption} if encryption else {"AuthenticationConfiguration": {}}
    label = name.replace("_", "-")
    text = json.dumps(document, sort_keys=True)
    return resource(
        "aws_emr_security_configuration",
        name,
        "AWS::EMR::SecurityConfiguration",
        "aws:emr/securityConfiguration:SecurityConfiguration",
        {"name": label, "configuration": text},
        {"Name": label, "SecurityConfiguration": document},
        {"name": label, "configuration": text},
    )


def glue_catalog_settings(name: str, mode: str, key: Any = None, passwords: bool = True) -> Case:
    at_rest: dict[str, Any] = {"catalog_encryption_mode": mode, "sse_aws_kms_key_id": key}
    cfn_at_rest: dict[str, Any] = {"CatalogEncryptionMode": mode}
    pulumi_at_rest: dict[str, Any] = {"catalogEncryptionMode": mode}
    if key is not None:
        cfn_at_rest["SseAwsKmsKeyId"] = pulumi_at_rest["sseAwsKmsKeyId"] = key
    password_key = KEY if passwords else None
    tf = {
        "data_catalog_encryption_settings": [
            {
                "connection_password_encryption": [
                    {"return_connection_password_encrypted": passwords, "aws_kms_key_id": password_key}
                ],
                "encryption_at_rest": [at_rest],
            }
        ]
    }
    cfn_password: dict[str, Any] = {"ReturnConnectionPasswordEncrypted": passwords}
    pulumi_password: dict[str, Any] = {"returnConnectionPasswordEncrypted": passwords}
    if passwords:
        cfn_password["KmsKeyId"] = pulumi_password["awsKmsKeyId"] = KEY
    cfn = {
        "CatalogId": "482913057716",
        "DataCatalogEncryptionSettings": {
            "ConnectionPasswordEncryption": cfn_password,
            "EncryptionAtRest": cfn_at_rest,
        },
    }
    pulumi = {
        "dataCatalogEncryptionSettings": {
            "connectionPasswordEncryption": pulumi_password,
            "encryptionAtRest": pulumi_at_rest,
        }
    }
    return resource(
        "aws_glue_data_catalog_encryption_settings",
        name,
        "AWS::Glue::DataCatalogEncryptionSettings",
        "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
        tf,
        cfn,
        pulumi,
        ("data_catalog_encryption_settings", "connection_password_encryption", "encryption_at_rest"),
    )


def glue_security_configuration(
    name: str, s3: str, cloudwatch: str, bookmarks: str, key: Any = KEY, s3_key: Any = None
) -> Case:
    """``key`` is the KMS key of every KMS mode, ``s3_key`` (when given) that of S3 encryption alone."""
    label = name.replace("_", "-")

    def key_for(mode: str, which: Any = None) -> Any:
        return None if mode in ("DISABLED", "SSE-S3") else (which if which is not None else key)

    tf = {
        "name": label,
        "encryption_configuration": [
            {
                "cloudwatch_encryption": [
                    {"cloudwatch_encryption_mode": cloudwatch, "kms_key_arn": key_for(cloudwatch)}
                ],
                "job_bookmarks_encryption": [
                    {"job_bookmarks_encryption_mode": bookmarks, "kms_key_arn": key_for(bookmarks)}
                ],
                "s3_encryption": [{"s3_encryption_mode": s3, "kms_key_arn": key_for(s3, s3_key)}],
            }
        ],
    }

    def with_key(settings: dict[str, Any], mode: str, key_name: str, which: Any = None) -> dict[str, Any]:
        chosen = key_for(mode, which)
        return {**settings, key_name: chosen} if chosen is not None else settings

    cfn = {
        "Name": label,
        "EncryptionConfiguration": {
            "CloudWatchEncryption": with_key(
                {"CloudWatchEncryptionMode": cloudwatch}, cloudwatch, "KmsKeyArn"
            ),
            "JobBookmarksEncryption": with_key(
                {"JobBookmarksEncryptionMode": bookmarks}, bookmarks, "KmsKeyArn"
            ),
            "S3Encryptions": [with_key({"S3EncryptionMode": s3}, s3, "KmsKeyArn", s3_key)],
        },
    }
    pulumi = {
        "name": label,
        "encryptionConfiguration": {
            "cloudwatchEncryption": with_key(
                {"cloudwatchEncryptionMode": cloudwatch}, cloudwatch, "kmsKeyArn"
            ),
            "jobBookmarksEncryption": with_key(
                {"jobBookmarksEncryptionMode": bookmarks}, bookmarks, "kmsKeyArn"
            ),
            "s3Encryption": with_key({"s3EncryptionMode": s3}, s3, "kmsKeyArn", s3_key),
        },
    }
    return resource(
        "aws_glue_security_configuration",
        name,
        "AWS::Glue::SecurityConfiguration",
        "aws:glue/securityConfiguration:SecurityConfiguration",
        tf,
        cfn,
        pulumi,
        ("encryption_configuration", "cloudwatch_encryption", "job_bookmarks_encryption", "s3_encryption"),
    )


def athena_workgroup(name: str, option: str | None, enforce: bool | None = None, kms_key: Any = KEY) -> Case:
    label = name.replace("_", "-")
    tf: dict[str, Any] = {"name": label}
    cfn: dict[str, Any] = {"Name": label}
    pulumi: dict[str, Any] = {"name": label}
    if option is not None or enforce is not None:
        key = kms_key if option in ("SSE_KMS", "CSE_KMS") else None
        config: dict[str, Any] = {}
        cfn_config: dict[str, Any] = {}
        pulumi_config: dict[str, Any] = {}
        if enforce is not None:
            config["enforce_workgroup_configuration"] = enforce
            cfn_config["EnforceWorkGroupConfiguration"] = pulumi_config["enforceWorkgroupConfiguration"] = (
                enforce
            )
        location = "s3://acme-athena-results/"
        config["result_configuration"] = [{"output_location": location}]
        cfn_config["ResultConfiguration"] = {"OutputLocation": location}
        pulumi_config["resultConfiguration"] = {"outputLocation": location}
        if option is not None:
            config["result_configuration"][0]["encryption_configuration"] = [
                {"encryption_option": option, "kms_key_arn": key}
            ]
            cfn_config["ResultConfiguration"]["EncryptionConfiguration"] = {
                "EncryptionOption": option,
                **({"KmsKey": key} if key else {}),
            }
            pulumi_config["resultConfiguration"]["encryptionConfiguration"] = {
                "encryptionOption": option,
                **({"kmsKeyArn": key} if key else {}),
            }
        tf["configuration"] = [config]
        cfn["WorkGroupConfiguration"] = cfn_config
        pulumi["configuration"] = pulumi_config
    return resource(
        "aws_athena_workgroup",
        name,
        "AWS::Athena::WorkGroup",
        "aws:athena/workgroup:Workgroup",
        tf,
        cfn,
        pulumi,
        ("configuration", "result_configuration", "encryption_configuration"),
    )


def athena_managed_workgroup(name: str, kms_key: Any = None) -> Case:
    """A workgroup storing results in Athena-owned storage, under ``kms_key`` (Athena's own key when None)."""
    label = name.replace("_", "-")
    managed: dict[str, Any] = {"enabled": True}
    cfn_managed: dict[str, Any] = {"Enabled": True}
    pulumi_managed: dict[str, Any] = {"enabled": True}
    if kms_key is not None:
        managed["encryption_configuration"] = [{"kms_key": kms_key}]
        cfn_managed["EncryptionConfiguration"] = {"KmsKey": kms_key}
        pulumi_managed["encryptionConfiguration"] = {"kmsKey": kms_key}
    return resource(
        "aws_athena_workgroup",
        name,
        "AWS::Athena::WorkGroup",
        "aws:athena/workgroup:Workgroup",
        {"name": label, "configuration": [{"managed_query_results_configuration": [managed]}]},
        {"Name": label, "WorkGroupConfiguration": {"ManagedQueryResultsConfiguration": cfn_managed}},
        {"name": label, "configuration": {"managedQueryResultsConfiguration": pulumi_managed}},
        ("configuration", "managed_query_results_configuration", "encryption_configuration"),
    )


def athena_database(name: str, option: str | None, kms_key: Any = KEY) -> Case:
    tf: dict[str, Any] = {"name": name, "bucket": "acme-athena-results"}
    pulumi: dict[str, Any] = {"name": name, "bucket": "acme-athena-results"}
    if option is not None:
        key = kms_key if option in ("SSE_KMS", "CSE_KMS") else None
        tf["encryption_configuration"] = [{"encryption_option": option, "kms_key": key}]
        pulumi["encryptionConfiguration"] = {"encryptionOption": option, **({"kmsKey": key} if key else {})}
    # Athena databases have no CloudFormation type (AWS::Glue::Database declares the catalog entry only).
    return resource(
        "aws_athena_database",
        name,
        None,
        "aws:athena/database:Database",
        tf,
        {},
        pulumi,
        ("encryption_configuration",),
    )


FIXTURES: dict[str, list[Case]] = {
    "ENC-SECRETSMANAGER-001": [
        kms_key(),
        secret("pass_secret_cmk", KEY),
        secret("fail_secret_default"),
        secret("fail_secret_aws_managed", "alias/aws/secretsmanager"),
        # CloudFormation's documented name of the AWS-managed key (issue 15): KmsKeyId: aws/secretsmanager.
        secret("fail_secret_aws_managed_bare_alias", "aws/secretsmanager"),
        # Each replica is encrypted in its region with its own key, aws/secretsmanager when it names none.
        replicated_secret("pass_secret_replica_cmk", REPLICA_KEY),
        replicated_secret("fail_secret_replica_default_key"),
        replicated_secret("fail_secret_replica_aws_managed", "alias/aws/secretsmanager"),
    ],
    "ENC-SSM-001": [
        kms_key(),
        ssm_parameter("pass_secure_cmk", "SecureString", KEY),
        # String parameters are not encrypted at all: not judged (neither passed nor failed).
        ssm_parameter("other_plain_string", "String"),
        ssm_parameter("fail_secure_default_key", "SecureString"),
        ssm_parameter("fail_secure_aws_managed", "SecureString", "alias/aws/ssm"),
        # A template's parameter is never a SecureString (CloudFormation takes String and StringList only),
        # even when its Type is a template parameter: not judged.
        Case(
            "aws_ssm_parameter",
            "other_type_from_parameter",
            None,
            (
                "AWS::SSM::Parameter",
                {
                    "Name": "/app/other-type-from-parameter",
                    "Type": Parameter("ParameterType"),
                    "Value": "placeholder",
                },
            ),
        ),
    ],
    "ENC-CLOUDWATCH-001": [
        kms_key(),
        log_group("pass_log_group_cmk", KEY),
        log_group("fail_log_group_default"),
    ],
    "ENC-ECR-001": [
        kms_key(),
        ecr_repository("pass_template_cmk", "KMS", KEY, template=True),
        ecr_repository("fail_template_default", template=True),
        ecr_repository("fail_template_aws_managed", "KMS", template=True),
        ecr_repository("pass_repository_cmk", "KMS", KEY),
        ecr_repository("pass_repository_dsse_cmk", "KMS_DSSE", KEY),
        ecr_repository("fail_repository_default"),
        ecr_repository("fail_repository_aes256", "AES256"),
        ecr_repository("fail_repository_aws_managed", "KMS"),
        # A key read through data "aws_kms_alias": the alias it looks up decides who manages the key.
        *from_data_source(
            ecr_repository("fail_repository_data_alias_aws_managed", "KMS", KEY), "kms_key", "alias/aws/ecr"
        ),
        *from_data_source(
            ecr_repository("pass_repository_data_alias_customer", "KMS", KEY), "kms_key", "alias/images"
        ),
    ],
    "ENC-CODEBUILD-001": [
        kms_key(),
        codebuild_project("pass_project_cmk", KEY),
        codebuild_project("fail_project_default"),
        codebuild_project("fail_project_aws_managed", "alias/aws/s3"),
    ],
    "ENC-CODEBUILD-002": [
        codebuild_project("pass_artifacts_default"),
        codebuild_project("pass_artifacts_encrypted", artifacts_off=False, secondary_off=False),
        codebuild_project("fail_artifacts_unencrypted", artifacts_off=True),
        codebuild_project("fail_secondary_unencrypted", secondary_off=True),
    ],
    "ENC-SAGEMAKER-001": [
        kms_key(),
        sagemaker_notebook("pass_notebook_cmk", KEY),
        sagemaker_notebook("fail_notebook_default"),
        sagemaker_notebook("fail_notebook_aws_managed", "alias/aws/sagemaker"),
    ],
    "ENC-SAGEMAKER-002": [
        kms_key(),
        sagemaker_endpoint_config("pass_endpoint_cmk", KEY),
        sagemaker_endpoint_config("pass_endpoint_serverless", serverless=True),
        sagemaker_endpoint_config("fail_endpoint_default"),
        # Instances with local NVMe storage (encrypted by the instance's hardware module): SageMaker refuses a
        # KMS key for the configuration, so it is not judged (neither passed nor failed).
        sagemaker_endpoint_config("other_endpoint_local_storage", instance_type="ml.g5.2xlarge"),
    ],
    "ENC-EKS-001": [
        kms_key(),
        eks_cluster("pass_cluster_secrets_cmk", ["secrets"], KEY),
        eks_cluster("fail_cluster_default"),
        eks_cluster("fail_cluster_aws_managed", ["secrets"], "alias/aws/eks"),
    ],
    "ENC-WORKSPACES-001": [
        kms_key(),
        workspace("pass_volumes_cmk", True, True, KEY),
        workspace("fail_volumes_default", None, None),
        workspace("fail_user_volume_plain", True, False, KEY),
        workspace("fail_volumes_aws_managed", True, True),
        *from_data_source(
            workspace("fail_volumes_data_alias_aws_managed", True, True, KEY),
            "volume_encryption_key",
            "alias/aws/workspaces",
        ),
        *from_data_source(
            workspace("pass_volumes_data_alias_customer", True, True, KEY),
            "volume_encryption_key",
            "alias/workspaces",
        ),
    ],
    "ENC-EMR-001": [
        emr_security_configuration("pass_at_rest", True, True),
        emr_security_configuration("fail_at_rest_off", False, True),
        emr_security_configuration("fail_no_encryption", None, None),
    ],
    "ENC-EMR-002": [
        emr_security_configuration("pass_in_transit", True, True),
        emr_security_configuration("fail_in_transit_off", True, False),
        emr_security_configuration("fail_no_encryption", None, None),
    ],
    "ENC-GLUE-001": [
        kms_key(),
        glue_catalog_settings("pass_catalog_cmk", "SSE-KMS", KEY),
        glue_catalog_settings("fail_catalog_disabled", "DISABLED"),
        glue_catalog_settings("fail_catalog_aws_managed", "SSE-KMS"),
        *from_data_source(
            glue_catalog_settings("fail_catalog_data_alias_aws_managed", "SSE-KMS", KEY),
            "sse_aws_kms_key_id",
            "alias/aws/glue",
        ),
        *from_data_source(
            glue_catalog_settings("pass_catalog_data_alias_customer", "SSE-KMS", KEY),
            "sse_aws_kms_key_id",
            "alias/glue-catalog",
        ),
    ],
    "ENC-GLUE-002": [
        kms_key(),
        glue_catalog_settings("pass_passwords_encrypted", "SSE-KMS", KEY),
        glue_catalog_settings("fail_passwords_plain", "SSE-KMS", KEY, passwords=False),
    ],
    "ENC-GLUE-003": [
        kms_key(),
        glue_security_configuration("pass_all_encrypted", "SSE-KMS", "SSE-KMS", "CSE-KMS"),
        glue_security_configuration("pass_s3_managed", "SSE-S3", "SSE-KMS", "CSE-KMS"),
        glue_security_configuration("fail_s3_disabled", "DISABLED", "SSE-KMS", "CSE-KMS"),
        glue_security_configuration("fail_logs_and_bookmarks_disabled", "SSE-KMS", "DISABLED", "DISABLED"),
    ],
    "ENC-ATHENA-001": [
        kms_key(),
        athena_workgroup("pass_results_kms", "SSE_KMS", True),
        athena_workgroup("pass_results_sse_s3_enforced_by_default", "SSE_S3"),
        athena_workgroup("fail_results_unencrypted", None),
        athena_workgroup("fail_results_not_enforced", "SSE_KMS", False),
        # Managed query results (Athena-owned storage) are always encrypted.
        resource(
            "aws_athena_workgroup",
            "pass_managed_query_results",
            "AWS::Athena::WorkGroup",
            "aws:athena/workgroup:Workgroup",
            {
                "name": "pass-managed-query-results",
                "configuration": [{"managed_query_results_configuration": [{"enabled": True}]}],
            },
            {
                "Name": "pass-managed-query-results",
                "WorkGroupConfiguration": {"ManagedQueryResultsConfiguration": {"Enabled": True}},
            },
            {
                "name": "pass-managed-query-results",
                "configuration": {"managedQueryResultsConfiguration": {"enabled": True}},
            },
            ("configuration", "managed_query_results_configuration"),
        ),
    ],
    "ENC-ATHENA-002": [
        kms_key(),
        athena_database("pass_database_kms", "SSE_KMS"),
        athena_database("pass_database_sse_s3", "SSE_S3"),
        athena_database("fail_database_plain", None),
    ],
    "ENC-GLUE-005": [
        kms_key(),
        glue_security_configuration("pass_all_cmk", "SSE-KMS", "SSE-KMS", "CSE-KMS"),
        glue_security_configuration("pass_literal_key", "SSE-KMS", "SSE-KMS", "CSE-KMS", LITERAL_KEY),
        glue_security_configuration("fail_s3_managed", "SSE-S3", "SSE-KMS", "CSE-KMS"),
        glue_security_configuration("fail_bookmarks_disabled", "SSE-KMS", "SSE-KMS", "DISABLED"),
        glue_security_configuration("fail_logs_disabled", "SSE-KMS", "DISABLED", "CSE-KMS"),
        glue_security_configuration(
            "fail_s3_aws_managed", "SSE-KMS", "SSE-KMS", "CSE-KMS", s3_key="alias/aws/glue"
        ),
    ],
    "ENC-ATHENA-003": [
        kms_key(),
        athena_workgroup("pass_results_cmk", "SSE_KMS", True),
        athena_workgroup("pass_results_cse_literal_key", "CSE_KMS", kms_key=LITERAL_KEY),
        athena_workgroup("fail_results_sse_s3", "SSE_S3"),
        athena_workgroup("fail_results_unencrypted", None),
        athena_workgroup("fail_results_aws_managed", "SSE_KMS", kms_key="alias/aws/s3"),
        athena_workgroup("fail_results_kms_without_key", "SSE_KMS", kms_key=None),
        # Managed query results (Athena-owned storage) are encrypted with their own encryption_configuration's
        # key, or Athena's own key when it names none.
        athena_managed_workgroup("pass_managed_results_cmk", KEY),
        athena_managed_workgroup("fail_managed_results_athena_key"),
        athena_managed_workgroup("fail_managed_results_aws_managed", "alias/aws/s3"),
    ],
    "ENC-ATHENA-004": [
        kms_key(),
        athena_database("pass_database_cmk", "SSE_KMS"),
        athena_database("pass_database_literal_key", "CSE_KMS", LITERAL_KEY),
        athena_database("fail_database_sse_s3", "SSE_S3"),
        athena_database("fail_database_plain", None),
        athena_database("fail_database_aws_managed", "SSE_KMS", "alias/aws/s3"),
    ],
    "ENC-BACKUP-001": [
        kms_key(),
        backup_vault("pass_vault_cmk", KEY),
        backup_vault("fail_vault_default"),
        backup_vault("fail_vault_aws_managed", "alias/aws/backup"),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, project=PROJECT)


if __name__ == "__main__":
    main()
